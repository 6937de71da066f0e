/**
 * "motcua_rate": an on-time rate in percent, or "—" where nothing was settled (no rate).
 * Used by the leaders' figures (list cells, list group rows, pivot cells).
 */
import { Domain } from "@web/core/domain";
import { registry } from "@web/core/registry";
import { patch } from "@web/core/utils/patch";
import { formatFloat } from "@web/views/fields/formatters";
import { FloatField, floatField } from "@web/views/fields/float/float_field";
import { PivotRenderer } from "@web/views/pivot/pivot_renderer";

export function formatRate(value) {
    if (value === false || value === null || value === undefined) {
        return "—";
    }
    return `${formatFloat(value, { digits: [5, 1] })} %`;
}

registry.category("formatters").add("motcua_rate", formatRate);

export class RateField extends FloatField {
    get formattedValue() {
        return formatRate(this.props.record.data[this.props.name]);
    }
}

registry.category("fields").add("motcua_rate", { ...floatField, component: RateField });

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
