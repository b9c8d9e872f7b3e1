// The evening report is a PDF made with cairo, which keeps font faces, and the fontconfig
// patterns behind them, in static caches for the life of the process. They are released when the
// test executable ends, so LeakSanitizer in the sanitizer build tells them apart from a real leak.
#include <cairo.h>

namespace {

struct ReleaseAtExit {
    ReleaseAtExit() = default;
    ReleaseAtExit(const ReleaseAtExit&) = delete;
    ReleaseAtExit& operator=(const ReleaseAtExit&) = delete;
    // Runs after every test, when no cairo object is left: the only time this call is allowed.
    ~ReleaseAtExit() { cairo_debug_reset_static_data(); }
};

const ReleaseAtExit releaseAtExit;

}  // namespace

// What fontconfig loses for good while it parses its configuration, once per process, named by
// its module as for the app tests (tests/lsan.supp): fontconfig never calls into Buurtstem, so
// this cannot hide a leak of ours. The print tests name the loader function instead, which needs
// the slow unwinder; here that would make the many UI tests three times slower.
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }
