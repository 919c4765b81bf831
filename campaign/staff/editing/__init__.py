"""Editing campaigns, their asks and their wording, with a history of every change.

One module per thing edited: `details` (title, web address, texts),
`letter_wording`, `asks` with `nation_rules` (who decides each ask per nation),
`campaign_status` (draft, live or closed, and the going-live checklist), `copying`,
and `versions` (the history: listing and restoring); `refusals`, `recording`,
`rows`, `slugs` and `translated` are what they share.

The staff views call these functions and nothing else touches the campaign tables
for writing. Each change and its history entry are written in one transaction, so
the history never misses a change nor records one that did not happen. A history
entry is a JSON snapshot of the thing *after* the change, with who and when.

Rules that protect citizens live here rather than in the forms, so no route can
skip them: a campaign goes live only with at least one enabled ask and valid
wording, a live campaign keeps at least one enabled ask, slugs are unique. Each is
checked inside the write transaction that makes the change (`BEGIN IMMEDIATE` holds
the write lock from the start), so two staff members changing a campaign at once
are checked one after the other: both switching off one of its last two asks leaves
one on, never none.
"""
