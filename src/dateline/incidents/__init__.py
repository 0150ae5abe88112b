"""Incidents: events from different stories about the same happening, merged.

    records.py   SourceEvent (what grouping reads), Figures, Incident
    rules.py     when two events may tell one happening (places, dates, actors)
    figures.py   each source's report in publication order; an incident's killed/injured/arrested:
                 the latest report's (ACLED's rule for updates), low, best, high
    grouping.py  blocked, deterministic grouping and each incident's summary

The store keeps the result (store/incidents.py); docs/incidents.md states the rules.
"""
from __future__ import annotations

from .figures import Report, combine_figures, order_reports, summarise_figures
from .grouping import group_events, group_incidents, summarise_incident
from .records import INCIDENTS_VERSION, Figures, Incident, SourceEvent, span_days
from .rules import DAY_SLACK, PLACE_KM, UNDATED_DAYS, Match, compare_events

__all__ = ["DAY_SLACK", "INCIDENTS_VERSION", "PLACE_KM", "UNDATED_DAYS", "Figures", "Incident", "Match", "Report",
           "SourceEvent", "combine_figures", "compare_events", "group_events", "group_incidents", "order_reports",
           "span_days", "summarise_figures", "summarise_incident"]
