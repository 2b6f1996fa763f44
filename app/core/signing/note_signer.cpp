#include "note_signer.hpp"

#include "note_signing.hpp"

namespace knotnotes::core {

sdk::Signature FileNoteSigner::sign(sdk::Id session_id, const UnlockedKey& key) {
    return sign_note(file_, session_id, key);
}

sdk::Signature ServerNoteSigner::sign(sdk::Id session_id, const UnlockedKey& key) {
    return sign_note(records_, session_id, key);
}

}  // namespace knotnotes::core
