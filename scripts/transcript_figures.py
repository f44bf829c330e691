#!/usr/bin/env python3
"""Figures of the extractor on speaker-labelled transcripts, from `trecho extract` records:

    trecho extract ../shared/data/transcripts/*.txt | python3 scripts/transcript_figures.py

Prints the number of events, the share with an actor country, the events whose actor is a
bare function word or number (no actor should be one), and the events taken from reporters'
questions (speaker PREGUNTA/INTERLOCUTOR) whose actor is the speaker's government.
"""

import collections
import json
import sys

# Words that are never an actor on their own (Spanish and English function words and verbs
# that open sentences in the transcripts).
FUNCTION_WORDS = {
    "y", "e", "o", "hay", "ahí", "aquí", "su", "sus", "soy", "es", "te", "aún", "fui", "estamos",
    "hemos", "cómo", "como", "tampoco", "quieres", "este", "esta", "eso", "esto", "pero", "and",
    "but", "so", "we", "there", "it", "this", "that",
}
REPORTERS = {"PREGUNTA", "INTERLOCUTOR", "INTERLOCUTORA"}


def main() -> None:
    events = [json.loads(line) for line in sys.stdin if line.strip()]
    if not events:
        print("no events")
        return
    with_country = sum(1 for e in events if (e.get("actor") or {}).get("country"))
    bare = collections.Counter()
    for e in events:
        text = ((e.get("actor") or {}).get("text") or "").strip()
        if text and (text.lower() in FUNCTION_WORDS or text.isdigit()):
            bare[text] += 1
    from_questions = sum(
        1
        for e in events
        if (e.get("speaker") or "") in REPORTERS
        and (e.get("actor") or {}).get("sector") == "GOV"
        and (e.get("actor") or {}).get("text") == e.get("speaker")
    )
    print(f"events: {len(events)}")
    print(f"with an actor country: {with_country} ({with_country / len(events):.1%})")
    print(f"bare function-word or number actors: {sum(bare.values())} {dict(bare.most_common(8))}")
    print(f"reporters' questions coded as the government's words: {from_questions}")


if __name__ == "__main__":
    main()
