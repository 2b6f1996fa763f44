// file_charting.hpp — a SQLite file's charting and signing wired as RecordStore wires them
// (db/charting_store.hpp, core/signing/note_signer.hpp), for tests that hold a db::Database.
#pragma once

#include <memory>

#include "core/session_editor.hpp"
#include "core/signing/note_signer.hpp"
#include "db/charting_store.hpp"

namespace knotnotes::test {

struct FileCharting {
    explicit FileCharting(db::Database& file)
        : store(db::file_charting_store(file)), signer(file) {}
    core::SessionEditor editor(sdk::Id session_id) {
        return core::SessionEditor(*store, session_id, &signer);
    }
    sdk::Id start_session(sdk::Id client_id, sdk::Id practitioner_id) {
        return core::SessionEditor::start_session(*store, client_id, practitioner_id);
    }

    std::unique_ptr<db::ChartingStore> store;
    core::FileNoteSigner signer;
};

}  // namespace knotnotes::test
