"""The citizen-facing site: campaign pages, the letter journey, report-it and privacy."""
