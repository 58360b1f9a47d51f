"""The accuracy harness behind ``make eval``: public labelled data in ``../shared``, plain
VADER against our scorer, and the switching development set (``tests/data``)."""
