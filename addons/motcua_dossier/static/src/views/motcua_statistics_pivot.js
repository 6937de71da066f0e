import { Domain } from "@web/core/domain";
import { patch } from "@web/core/utils/patch";
import { PivotRenderer } from "@web/views/pivot/pivot_renderer";

/**
 * The leaders' figures: a pivot cell counts one figure (received, settled, late...) of a group;
 * clicking it opens exactly the dossiers behind that figure, not every row of the group.
 */

const STATISTICS = "motcua.dossier.statistics";
// each unit's part of the dossiers (inter-agency): one row per step
const STEP_STATISTICS = "motcua.dossier.step.statistics";

export function figureDomain(measure, resModel = STATISTICS) {
    if (measure === "on_time_rate") {
        return resModel === STATISTICS ? [["kind", "=", "finished"]] : [["finished_count", "=", 1]];
    }
    if (measure.endsWith("_count") && !["dossier_count", "step_count"].includes(measure)) {
        return [[measure, "=", 1]];
    }
    return [];
}

patch(PivotRenderer.prototype, {
    onOpenView(cell, newWindow) {
        const resModel = this.model.metaData.resModel;
        const extra = [STATISTICS, STEP_STATISTICS].includes(resModel) ? figureDomain(cell.measure, resModel) : [];
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
