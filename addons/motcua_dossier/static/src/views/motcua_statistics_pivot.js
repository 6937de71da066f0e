import { Domain } from "@web/core/domain";
import { patch } from "@web/core/utils/patch";
import { PivotRenderer } from "@web/views/pivot/pivot_renderer";

/**
 * The leaders' figures: a pivot cell counts one figure (received, settled, late...) of a group;
 * clicking it opens exactly the dossiers behind that figure, not every row of the group.
 */

const STATISTICS = "motcua.dossier.statistics";

export function figureDomain(measure) {
    if (measure === "on_time_rate") {
        return [["kind", "=", "finished"]];
    }
    if (measure.endsWith("_count") && measure !== "dossier_count") {
        return [[measure, "=", 1]];
    }
    return [];
}

patch(PivotRenderer.prototype, {
    onOpenView(cell, newWindow) {
        const extra = this.model.metaData.resModel === STATISTICS ? figureDomain(cell.measure) : [];
        if (!extra.length) {
            return super.onOpenView(...arguments);
        }
        const model = this.model;
        const groupDomain = model.getGroupDomain;
        model.getGroupDomain = (group) => Domain.and([groupDomain.call(model, group), extra]).toList();
        try {
            return super.onOpenView(...arguments);
        } finally {
            delete model.getGroupDomain;
        }
    },
});
