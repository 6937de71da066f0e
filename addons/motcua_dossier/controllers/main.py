# Public pages of the dossiers (lookup, APIs) come with the citizen channels.
