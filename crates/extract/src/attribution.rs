//! Speaker and attribution: who uttered the words and who reports them.
