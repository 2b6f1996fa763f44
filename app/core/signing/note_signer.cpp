#include "note_signer.hpp"

#include "note_signing.hpp"

#include <cstdio>

#include "audit_anchor.hpp"

namespace knotnotes::core {

sdk::Signature FileNoteSigner::sign(sdk::Id session_id, const UnlockedKey& key) {
    return sign_note(file_, session_id, key);
}

sdk::Signature ServerNoteSigner::sign(sdk::Id session_id, const UnlockedKey& key) {
    auto signature = sign_note(records_, session_id, key);
    try {
        if (const auto session = records_.session(session_id))
            anchor_audit_head(anchors_, key, "signed " + session->uid, signature.signed_at);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "knotnotes: the note is signed; its audit anchor was not kept: %s\n",
                     e.what());
    }
    return signature;
}

}  // namespace knotnotes::core
