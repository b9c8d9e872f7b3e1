// StaffBundles (Bundels en conflicten): importing the kiosks' sync bundles and resolving what
// the merge could not decide alone.
#include "StaffPanels.h"

namespace buurtstem::ui {

void drawStaffBundles(StaffContext& ctx) {
    Ui& ui = ctx.ui;
    staffHeading(ui, ui.tr("staff.panel.bundles"));
    staffNotAvailable(ui);
}

}  // namespace buurtstem::ui
