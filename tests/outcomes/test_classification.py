from linkwork.core.classification import Level
from linkwork.outcomes.classification import CLASSIFICATION


def test_answers_and_scores_are_special_category() -> None:
    for field in ("answers", "result", "instrument"):
        assert CLASSIFICATION["administration"][field] is Level.SPECIAL
