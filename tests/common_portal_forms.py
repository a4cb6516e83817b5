from .common_portal import MentoringPortalCase


class MentoringPortalFormsCase(MentoringPortalCase):
    """Jamie's programme lets the people mentored fill in their forms on the portal. Jamie has
    an evaluation of the mentor to fill in, Pat has one too; Ada (Jamie's mentor) has her own
    feedback form, which Jamie must not reach."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.program.portal_evaluations = True
        cls.match_b.program_id.portal_evaluations = True
        Evaluation = cls.env["mentoring.evaluation"]
        Template = cls.env["mentoring.evaluation.template"]
        cls.form = Evaluation.create(
            {
                "template_id": Template._default_for("mentee_evaluation", cls.company).id,
                "match_id": cls.match.id,
                "period": "mid",
            }
        )
        cls.form_b = Evaluation.create(
            {
                "template_id": Template._default_for("mentee_evaluation", cls.company).id,
                "match_id": cls.match_b.id,
                "period": "mid",
            }
        )
        cls.mentor_form = Evaluation.create(
            {
                "template_id": Template._default_for("feedback_mentor", cls.company).id,
                "match_id": cls.match.id,
            }
        )
        cls.env.flush_all()

    def answers(self, form, score=4, comment="My mentor listens to me"):
        return {
            line.id: {"score": score if line.answer_type == "score" else None, "answer": comment}
            for line in form.answer_ids
        }
