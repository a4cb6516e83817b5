import { registry } from "@web/core/registry";
import { session } from "@web/session";
import { BadgeSelectionField, badgeSelectionField } from "@web/views/fields/badge_selection/badge_selection_field";
import { SignatureField, signatureField } from "@web/views/fields/signature/signature_field";

/** The user's reading preference (res.users.pm_reading, sent in the session by ir.http). */
export function pmReading() {
    return session.pm_reading || { easy_read: false, pictures: false };
}

/**
 * The choices of *Log a meeting* (place, progress, how long...) as real buttons: each one is
 * reached with Tab and pressed with Enter or Space, says whether it is chosen (aria-pressed),
 * and shows a picture beside its words in easy-read mode. Odoo's badge widget draws <span>s
 * that no keyboard reaches.
 */
export class ChoiceButtonsField extends BadgeSelectionField {
    static template = "peer_mentoring.ChoiceButtonsField";
    static props = {
        ...BadgeSelectionField.props,
        pictures: { type: Object, optional: true },
        picture: { type: String, optional: true },
    };

    get groupLabel() {
        return this.props.record.fields[this.props.name].string;
    }

    get showPictures() {
        return pmReading().pictures;
    }

    pictureOf(value) {
        return (this.props.pictures && this.props.pictures[value]) || this.props.picture || "";
    }
}

registry.category("fields").add("pm_choice_buttons", {
    ...badgeSelectionField,
    component: ChoiceButtonsField,
    extractProps: (fieldInfo, dynamicInfo) => ({
        ...badgeSelectionField.extractProps(fieldInfo, dynamicInfo),
        pictures: fieldInfo.options.pictures,
        picture: fieldInfo.options.picture,
    }),
});

/** The signature box as a real button: Tab reaches it, Enter or Space opens the dialog,
 *  where the name is already written as the signature (no drawing needed). */
export class SignatureButtonField extends SignatureField {
    static template = "peer_mentoring.SignatureButtonField";

    get buttonLabel() {
        return this.props.record.fields[this.props.name].string;
    }
}

registry.category("fields").add("pm_signature_button", {
    ...signatureField,
    component: SignatureButtonField,
});
