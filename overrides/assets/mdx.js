// Checklists and cards: filled in by the interactive-cards work.
