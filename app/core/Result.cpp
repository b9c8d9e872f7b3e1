// Names of error codes for logs and command-line output; the UI uses its own translated texts.
#include "Result.h"

namespace buurtstem {

const char* errorCodeName(ErrorCode code) {
    switch (code) {
        case ErrorCode::InvalidInput: return "invalid_input";
        case ErrorCode::NotFound: return "not_found";
        case ErrorCode::DataDirUnusable: return "data_dir_unusable";
        case ErrorCode::AlreadyRunning: return "already_running";
        case ErrorCode::NotADatabase: return "not_a_database";
        case ErrorCode::NewerSchema: return "newer_schema";
        case ErrorCode::StorageFull: return "storage_full";
        case ErrorCode::StorageReadOnly: return "storage_read_only";
        case ErrorCode::StorageFailure: return "storage_failure";
        case ErrorCode::MissingAsset: return "missing_asset";
        case ErrorCode::NoDisplay: return "no_display";
    }
    // Only reachable with a value cast from an integer outside the enum (a corrupt file, say).
    return "unknown_error";
}

}  // namespace buurtstem
