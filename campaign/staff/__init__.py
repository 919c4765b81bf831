"""The campaign staff workspace: editing campaigns, asks and wording, with preview and history."""
