// cairo keeps font faces, and the fontconfig patterns behind them, in static caches for the life
// of the process. Releasing them when the test executable ends lets LeakSanitizer in the
// sanitizer build tell them apart from a real leak.
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

// Fontconfig 2.14 loses 288 bytes for good while it parses its configuration files, once per
// process, with no pointer left that any cleanup could free. The sanitizer build reads these two
// functions: the suppression names fontconfig's loader, which never calls into Buurtstem, so it
// cannot hide a leak of ours; and fontconfig has no frame pointers, so only the slow unwinder
// sees the loader on the stack.
extern "C" const char* __lsan_default_suppressions() { return "leak:FcInitLoadConfigAndFonts\n"; }
extern "C" const char* __asan_default_options() { return "fast_unwind_on_malloc=0"; }
