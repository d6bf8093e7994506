"""The builder's page for a consultation's words in another language (programme managers).

A consultation outside the user's programmes is 404, as on the other builder pages."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from linkwork.core.permissions import acting_user, require_action
from linkwork.engagement import building
from linkwork.engagement import policy as actions
from linkwork.engagement.forms_translation import TranslationForm
from linkwork.engagement.models import ConsultationTranslation, QuestionTranslation
from linkwork.engagement.views_builder import _consultation, _no_store, errors_into


@require_action(actions.EDIT_CONSULTATION)
@require_http_methods(["GET", "POST"])
def consultation_translate(request: HttpRequest, pk: int, language: str) -> HttpResponse:
    consultation = _consultation(request, pk, actions.EDIT_CONSULTATION)
    names = dict(building.language_names())
    if language not in names:
        raise Http404
    questions = list(consultation.questions.order_by("position", "id"))
    # The text typed here is in the language translated into (Easy Read is English).
    text_language = "en-gb" if language == "en-easy" else language
    if request.method == "POST":
        form = TranslationForm(
            request.POST, consultation=consultation, questions=questions,
            text_language=text_language,
        )  # fmt: skip
        if form.is_valid():
            try:
                building.save_translation(
                    actor=acting_user(request), consultation=consultation, language=language,
                    texts=form.consultation_texts(), questions=form.question_texts(),
                )  # fmt: skip
            except ValidationError as exc:
                errors_into(form, exc)
            else:
                messages.success(request, _("Translation saved."))
                return redirect("engagement:consultation_build", pk=pk)
    else:
        translation = ConsultationTranslation.objects.filter(
            consultation=consultation, language=language
        ).first()
        by_question = {
            t.question_id: t
            for t in QuestionTranslation.objects.filter(
                question__consultation=consultation, language=language
            )
        }
        form = TranslationForm(
            consultation=consultation, questions=questions, text_language=text_language,
            initial=TranslationForm.initial_for(translation, by_question),
        )  # fmt: skip
    context = {
        "consultation": consultation,
        "form": form,
        "language": language,
        "language_name": names[language],
    }
    status = 400 if form.errors else 200
    return _no_store(render(request, "engagement/builder/translate.html", context, status=status))
