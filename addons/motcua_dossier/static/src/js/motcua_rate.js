/**
 * "motcua_rate": an on-time rate in percent, or "—" where nothing was settled (no rate).
 * Used by the leaders' figures (list cells, list group rows, pivot cells).
 */
import { registry } from "@web/core/registry";
import { formatFloat } from "@web/views/fields/formatters";
import { FloatField, floatField } from "@web/views/fields/float/float_field";

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

