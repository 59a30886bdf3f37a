"""CSV/JSON import and export of statements; the shared machinery is in ``rounds.resources``."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from import_export import fields, widgets

from rounds.models import Negotiation, Official, Party, Source
from rounds.resources import (
    AllOrNothingResource,
    ISODateWidget,
    NamedForeignKeyWidget,
    NamedManyToManyWidget,
    RoundWidget,
)

from . import services
from .models import Issue, Statement

# --------------------------------------------------------------------------- statements


class StatementResource(AllOrNothingResource):
    """Columns: see README.md, "Import and export"."""

    record_service = staticmethod(services.fact_save)

    id = fields.Field(attribute="id", column_name="id", widget=widgets.IntegerWidget())
    negotiation = fields.Field(
        attribute="negotiation", column_name="negotiation", widget=NamedForeignKeyWidget(Negotiation, "slug")
    )
    source = fields.Field(attribute="source", column_name="source", widget=NamedForeignKeyWidget(Source, "slug"))
    speaker = fields.Field(attribute="speaker", column_name="speaker", widget=NamedForeignKeyWidget(Official, "slug"))
    attribution = fields.Field(attribute="attribution", column_name="attribution", widget=widgets.CharWidget())
    attributed_party = fields.Field(
        attribute="attributed_party", column_name="attributed_party", widget=NamedForeignKeyWidget(Party, "slug")
    )
    kind = fields.Field(attribute="kind", column_name="kind", default="quote", widget=widgets.CharWidget())
    text = fields.Field(attribute="text", column_name="text", widget=widgets.CharWidget())
    context = fields.Field(attribute="context", column_name="context", widget=widgets.CharWidget())
    occasion = fields.Field(attribute="occasion", column_name="occasion", widget=widgets.CharWidget())
    date = fields.Field(attribute="date", column_name="date", widget=ISODateWidget())
    date_precision = fields.Field(
        attribute="date_precision", column_name="date_precision", default="day", widget=widgets.CharWidget()
    )
    date_text = fields.Field(attribute="date_text", column_name="date_text", widget=widgets.CharWidget())
    round = fields.Field(attribute="round", column_name="round", widget=RoundWidget())
    issues = fields.Field(attribute="issues", column_name="issues", widget=NamedManyToManyWidget(Issue, field="slug"))
    tone = fields.Field(attribute="tone", column_name="tone", default="neutral", widget=widgets.CharWidget())
    state = fields.Field(attribute="state", column_name="state", readonly=True)
    published_at = fields.Field(
        attribute="published_at", column_name="published_at", readonly=True, widget=widgets.DateTimeWidget()
    )

    class Meta:
        model = Statement
        fields = (
            "id", "negotiation", "source", "speaker", "attribution", "attributed_party", "kind", "text", "context",
            "occasion", "date", "date_precision", "date_text", "round", "issues", "tone", "state", "published_at",
        )  # fmt: skip
        import_id_fields = ["id"]
        clean_model_instances = True
        skip_unchanged = True  # re-importing an export writes (and records) nothing
        use_transactions = True

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """Fill an empty round from the date before the rules run, as the admin form does."""
        if not {"date", "round"} & set(import_validation_errors or {}):
            services.fill_negotiation(instance)
            services.fill_round_from_date(instance)
        try:
            super().validate_instance(instance, import_validation_errors, validate_unique)
        except ValidationError as exc:
            if "speaker" in (import_validation_errors or {}):
                # A speaker the file names but the tracker does not know is not an unnamed
                # speaker: the only thing to fix is the name.
                exc.error_dict.pop("attribution", None)
            raise

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related(
            "negotiation", "source", "speaker", "attributed_party", "round__negotiation"
        ).prefetch_related("issues")
