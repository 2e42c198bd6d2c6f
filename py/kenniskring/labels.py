"""The message id of each value the model names: one table per enum, so no id is ever built from a
value at run time and ``make messages`` (Babel) sees every id the code can ask for.

A test checks that every member of each enum has its entry.
"""

from __future__ import annotations

from .i18n import N_
from .model import KnowledgeForm, OutsideRole, PersonKind, Perspective, Question, Ring, View

RING: dict[Ring, str] = {
    Ring.WEEKLY: N_("ring.weekly"),
    Ring.MONTHLY: N_("ring.monthly"),
    Ring.LESS_OFTEN: N_("ring.less_often"),
}
KIND: dict[PersonKind, str] = {
    PersonKind.OWN_TEAM: N_("kind.own_team"),
    PersonKind.ORGANISATION: N_("kind.organisation"),
    PersonKind.OUTSIDE: N_("kind.outside"),
}
KIND_OPEN = N_("kind.open")  # a person whose kind is not chosen yet


def kind_label(kind: PersonKind | None) -> str:
    """The message id for a kind, the open kind included."""
    return KIND_OPEN if kind is None else KIND[kind]


ROLE: dict[OutsideRole, str] = {
    OutsideRole.FIELD_PARTNER: N_("role.field_partner"),
    OutsideRole.RESEARCHER: N_("role.researcher"),
    OutsideRole.EXTERNAL_EXPERT: N_("role.external_expert"),
    OutsideRole.OTHER: N_("role.other"),
}
# The letter drawn next to an outsider's triangle ("V" veldpartner, "O" onderzoeker, ...): who is who
# outside the organisation, on the map itself, by shape and letter rather than colour.
ROLE_LETTER: dict[OutsideRole, str] = {
    OutsideRole.FIELD_PARTNER: N_("role.field_partner.letter"),
    OutsideRole.RESEARCHER: N_("role.researcher.letter"),
    OutsideRole.EXTERNAL_EXPERT: N_("role.external_expert.letter"),
    OutsideRole.OTHER: N_("role.other.letter"),
}
KNOWLEDGE: dict[KnowledgeForm, str] = {
    KnowledgeForm.SCIENTIFIC: N_("knowledge.scientific"),
    KnowledgeForm.PROFESSIONAL: N_("knowledge.professional"),
    KnowledgeForm.EXPERIENTIAL: N_("knowledge.experiential"),
}
# The letter drawn on a person for each form ("W", "P", "E" in Dutch), so colour is never the only cue.
KNOWLEDGE_LETTER: dict[KnowledgeForm, str] = {
    KnowledgeForm.SCIENTIFIC: N_("knowledge.scientific.letter"),
    KnowledgeForm.PROFESSIONAL: N_("knowledge.professional.letter"),
    KnowledgeForm.EXPERIENTIAL: N_("knowledge.experiential.letter"),
}
VIEW: dict[View, str] = {
    View.CURRENT: N_("view.current"),
    View.DESIRED: N_("view.desired"),
    View.BOTH: N_("view.both"),
}
# The picture's description for each view.
MAP_DESCRIPTION: dict[View, str] = {
    View.CURRENT: N_("map.desc.current"),
    View.DESIRED: N_("map.desc.desired"),
    View.BOTH: N_("map.desc.both"),
}
QUESTION: dict[Question, str] = {
    Question.KNOWLEDGE_FIT: N_("question.knowledge_fit"),
    Question.DOMINANT_FORMS: N_("question.dominant_forms"),
    Question.WORK_CLOSELY: N_("question.work_closely"),
    Question.MISSING_PERSPECTIVES: N_("question.missing_perspectives"),
    Question.STRENGTHEN: N_("question.strengthen"),
    Question.TALK_MORE: N_("question.talk_more"),
    Question.CONSULT_NOT_YET: N_("question.consult_not_yet"),
    Question.KNOWLEDGE_UNUSED: N_("question.knowledge_unused"),
    Question.WANT_DIFFERENT: N_("question.want_different"),
}
# The six steps of the session: title and text of each, in order.
STEPS: tuple[tuple[str, str], ...] = (
    (N_("step.1.title"), N_("step.1.text")),
    (N_("step.2.title"), N_("step.2.text")),
    (N_("step.3.title"), N_("step.3.text")),
    (N_("step.4.title"), N_("step.4.text")),
    (N_("step.5.title"), N_("step.5.text")),
    (N_("step.6.title"), N_("step.6.text")),
)

# The texts that speak as the team ("we", "jullie") and the same text as one person filling in the
# map alone says it ("ik", "je"): a map's perspective chooses (``voiced``). Every other text is
# the same in both.
PERSONAL: dict[str, str] = {
    N_("step.1.text"): N_("step.1.text.personal"),
    N_("step.6.text"): N_("step.6.text.personal"),
    N_("form.ring"): N_("form.ring.personal"),
    N_("map.drag.hint"): N_("map.drag.hint.personal"),
    N_("form.wished"): N_("form.wished.personal"),
    N_("actions.question"): N_("actions.question.personal"),
    N_("change.actions"): N_("change.actions.personal"),
    N_("moments.next_look"): N_("moments.next_look.personal"),
    N_("question.knowledge_fit"): N_("question.knowledge_fit.personal"),
    N_("question.work_closely"): N_("question.work_closely.personal"),
    N_("question.missing_perspectives"): N_("question.missing_perspectives.personal"),
    N_("question.strengthen"): N_("question.strengthen.personal"),
    N_("question.talk_more"): N_("question.talk_more.personal"),
    N_("question.consult_not_yet"): N_("question.consult_not_yet.personal"),
    N_("question.knowledge_unused"): N_("question.knowledge_unused.personal"),
    N_("question.want_different"): N_("question.want_different.personal"),
    N_("obs.change_none"): N_("obs.change_none.personal"),
    N_("obs.change_none.q"): N_("obs.change_none.q.personal"),
    N_("obs.change_closer"): N_("obs.change_closer.personal"),
    N_("obs.change_further"): N_("obs.change_further.personal"),
    N_("obs.change_further.q"): N_("obs.change_further.q.personal"),
    N_("obs.change_forms"): N_("obs.change_forms.personal"),
    N_("obs.change_forms.q"): N_("obs.change_forms.q.personal"),
    N_("obs.change_ei.q"): N_("obs.change_ei.q.personal"),
}


def voiced(message_id: str, perspective: Perspective) -> str:
    """The id of the text as the map's author says it: the team's words, or one person's."""
    return PERSONAL.get(message_id, message_id) if perspective is Perspective.PERSONAL else message_id
