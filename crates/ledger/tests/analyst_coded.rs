//! Golden tests of the ledger on analyst-coded events: the event rows of
//! `testdata/chains/EXPECTED.md`, `testdata/chains/water/EXPECTED.md` and
//! `testdata/magazine/EXPECTED.md`, typed in as the extractor should produce them (real
//! sentences, dates, sides, issues, leverage and flags), checked against the commitments, red
//! lines and linkage those files expect. This tests the ledger rules apart from the extractor;
//! `crates/engine/tests/ledger_golden.rs` runs the same expectations through the pipeline.

use trecho_ledger::{build, Commitment, CommitmentStatus, Ledger, RedLineStatus};
use trecho_model::{
    Actor, DateSource, Event, EventType, Issue, Kind, Lang, Leverage, PartialDate, SpeechAct,
};

use EventType::*;
use Issue::*;

/// One coded row. `date` empty means "no date in the text" (the publication date stands in).
struct Row<'a> {
    id: &'a str,
    doc: &'a str,
    published: &'a str,
    date: &'a str,
    event_type: EventType,
    speech_act: Option<SpeechAct>,
    content_type: Option<EventType>,
    actor: (&'a str, &'a str),
    recipient: (&'a str, &'a str),
    issues: &'a [Issue],
    leverage: Option<(Issue, Issue)>,
    flags: &'a str,
    reported_count: Option<u32>,
    sentence: &'a str,
}

fn actor((country, sector): (&str, &str)) -> Option<Actor> {
    if country.is_empty() && sector.is_empty() {
        return None;
    }
    Some(Actor {
        text: if country.is_empty() { sector } else { country }.to_string(),
        country: (!country.is_empty()).then(|| country.to_string()),
        sector: (!sector.is_empty()).then(|| sector.to_string()),
        name: None,
    })
}

fn event(row: Row<'_>, span_start: usize) -> Event {
    let date = PartialDate::parse(row.date);
    Event {
        id: row.id.into(),
        doc_id: row.doc.into(),
        published: chrono::NaiveDate::parse_from_str(row.published, "%Y-%m-%d").ok(),
        lang: Lang::En,
        sentence: row.sentence.into(),
        span: [span_start, span_start + row.sentence.len()],
        date,
        date_source: Some(if date.is_some() {
            DateSource::Text
        } else {
            DateSource::Published
        }),
        actor: actor(row.actor),
        recipient: actor(row.recipient),
        event_type: row.event_type,
        mode: None,
        quad: row.event_type.quad(),
        kind: if row.speech_act.is_some() {
            Kind::Said
        } else {
            Kind::Done
        },
        speech_act: row.speech_act,
        content_type: row.content_type,
        issues: row.issues.to_vec(),
        leverage: row.leverage.map(|(lever, goal)| Leverage { lever, goal }),
        negated: row.flags.contains("negated"),
        hypothetical: row.flags.contains("hypothetical"),
        speaker: None,
        attribution: None,
        reported_count: row.reported_count,
        confidence: 0.9,
    }
}

/// Builds events from rows; rows of one document that share a sentence share its span.
fn events(rows: Vec<Row<'_>>) -> Vec<Event> {
    let mut spans: Vec<(String, String, usize)> = Vec::new();
    rows.into_iter()
        .map(|row| {
            let key = (row.doc.to_string(), row.sentence.to_string());
            let start = match spans.iter().find(|(d, s, _)| (d, s) == (&key.0, &key.1)) {
                Some((_, _, start)) => *start,
                None => {
                    let start = spans
                        .iter()
                        .filter(|(d, _, _)| *d == key.0)
                        .map(|(_, s, start)| start + s.len() + 1)
                        .max()
                        .unwrap_or(0);
                    spans.push((key.0, key.1, start));
                    start
                }
            };
            event(row, start)
        })
        .collect()
}

fn threat<'a>(id: &'a str, doc: &'a str, published: &'a str, date: &'a str) -> Row<'a> {
    Row {
        id,
        doc,
        published,
        date,
        event_type: Threaten,
        speech_act: Some(SpeechAct::Threat),
        content_type: Some(Sanction),
        actor: ("USA", "GOV"),
        recipient: ("MEX", "GOV"),
        issues: &[],
        leverage: None,
        flags: "",
        reported_count: None,
        sentence: "",
    }
}

fn deed<'a>(id: &'a str, doc: &'a str, published: &'a str, date: &'a str, t: EventType) -> Row<'a> {
    Row {
        event_type: t,
        speech_act: None,
        content_type: None,
        ..threat(id, doc, published, date)
    }
}

fn date(value: Option<PartialDate>) -> String {
    value.map(|d| d.to_string()).unwrap_or_default()
}

fn history(item: &Commitment) -> Vec<String> {
    item.history
        .iter()
        .map(|change| format!("{} {}", date(change.date), change.status))
        .collect()
}

fn find<'a>(
    ledger: &'a Ledger,
    speech_act: SpeechAct,
    actor: &str,
    content_type: EventType,
    issue: Issue,
) -> &'a Commitment {
    ledger
        .commitments
        .iter()
        .find(|item| {
            item.speech_act == speech_act
                && item.actor.as_ref().and_then(|a| a.country.as_deref()) == Some(actor)
                && item.content_type == Some(content_type)
                && item.issues.contains(&issue)
        })
        .unwrap_or_else(|| {
            panic!("no {speech_act} of {content_type} by {actor} on {issue}: {ledger:#?}")
        })
}

fn chain_a() -> Vec<Event> {
    let d1 = ("d1", "2025-02-01");
    let d2 = ("d2", "2025-02-03");
    let d3 = ("d3", "2025-02-27");
    let d4 = ("d4", "2025-02-27");
    let d5 = ("d5", "2025-03-03");
    let pause = "We further agreed to immediately pause the anticipated tariffs for a one month period during which we will have negotiations headed by Secretary of State Marco Rubio, Secretary of Treasury Scott Bessent, and Secretary of Commerce Howard Lutnick, and high-level Representatives of Mexico.";
    events(vec![
        Row {
            issues: &[Trade],
            sentence: "President Donald J. Trump is implementing a 25% additional tariff on imports from Canada and Mexico and a 10% additional tariff on imports from China.",
            ..threat("a1", d1.0, d1.1, "2025-02-01")
        },
        Row {
            issues: &[Trade, Drugs],
            leverage: Some((Trade, Drugs)),
            sentence: "Today's tariff announcement is necessary to hold China, Mexico, and Canada accountable for their promises to halt the flood of poisonous drugs into the United States.",
            ..threat("a2", d1.0, d1.1, "2025-02-01")
        },
        Row {
            issues: &[Trade, Migration, Drugs],
            leverage: Some((Trade, Migration)),
            sentence: "Today, President Donald J. Trump is taking decisive action to hold Mexico, Canada, and China accountable to their promises of ending illegal immigration and stopping the flow of deadly fentanyl and other drugs into our country.",
            ..threat("a3", d1.0, d1.1, "2025-02-01")
        },
        Row {
            event_type: Agree,
            speech_act: Some(SpeechAct::Promise),
            content_type: Some(Mobilize),
            actor: ("MEX", "GOV"),
            recipient: ("USA", "GOV"),
            issues: &[Security, Drugs, Migration],
            sentence: "It was a very friendly conversation wherein she agreed to immediately supply 10,000 Mexican Soldiers on the Border separating Mexico and the United States.",
            ..threat("b1", d2.0, d2.1, "2025-02-03")
        },
        Row {
            issues: &[Trade],
            sentence: pause,
            ..deed("b2", d2.0, d2.1, "2025-02-03", Retreat)
        },
        Row {
            event_type: Agree,
            speech_act: Some(SpeechAct::Promise),
            content_type: Some(Consult),
            issues: &[Trade, Security],
            sentence: pause,
            ..threat("b3", d2.0, d2.1, "2025-02-03")
        },
        Row {
            issues: &[Trade, Drugs],
            leverage: Some((Trade, Drugs)),
            sentence: "We cannot allow this scourge to continue to harm the USA, and therefore, until it stops, or is seriously limited, the proposed TARIFFS scheduled to go into effect on MARCH FOURTH will, indeed, go into effect, as scheduled.",
            ..threat("c1", d3.0, d3.1, "2025-02-27")
        },
        Row {
            event_type: Accuse,
            speech_act: Some(SpeechAct::Accusation),
            content_type: None,
            issues: &[Drugs],
            sentence: "Drugs are still pouring into our Country from Mexico and Canada at very high and unacceptable levels.",
            ..threat("c2", d3.0, d3.1, "2025-02-27")
        },
        Row {
            actor: ("MEX", "GOV"),
            recipient: ("USA", "GOV"),
            issues: &[Drugs, Justice],
            sentence: "Today, the United States secured custody of 29 defendants from Mexico who are facing charges in districts around the country relating to racketeering, drug-trafficking, murder, illegal use of firearms, money laundering, and other crimes.",
            ..deed("d1", d4.0, d4.1, "2025-02-27", Cooperate)
        },
        Row {
            issues: &[Trade, Drugs],
            leverage: Some((Trade, Drugs)),
            sentence: "SAFEGUARDING THE NATION: President Donald J. Trump is proceeding with implementing tariffs on Canada and Mexico under the International Emergency Economic Powers Act (IEEPA) to combat the extraordinary threat to U.S. national security, including our public health posed by unchecked drug trafficking.",
            ..deed("e1", d5.0, d5.1, "2025-03-03", Sanction)
        },
    ])
}

#[test]
fn chain_a_commitments() {
    let ledger = build(&chain_a());
    let c1 = find(&ledger, SpeechAct::Threat, "USA", Sanction, Trade);
    assert_eq!(
        (date(c1.first_said), date(c1.last_said)),
        ("2025-02-01".into(), "2025-02-27".into())
    );
    assert_eq!(c1.mentions, 2);
    assert_eq!(c1.reported_count, None);
    assert_eq!(date(c1.deadline), "2025-03-04");
    assert_eq!(
        history(c1),
        [
            "2025-02-01 open",
            "2025-02-03 withdrawn",
            "2025-02-27 open",
            "2025-03-03 carried_out"
        ]
    );
    assert_eq!(c1.status, CommitmentStatus::CarriedOut);
    assert_eq!(date(c1.status_date), "2025-03-03");
    assert_eq!(c1.status_evidence, ["e1"]);
    assert!(c1.issues.contains(&Drugs) && c1.issues.contains(&Migration));

    let c2 = find(&ledger, SpeechAct::Promise, "MEX", Mobilize, Security);
    assert_eq!((c2.mentions, c2.status), (1, CommitmentStatus::Open));

    let c3 = find(&ledger, SpeechAct::Promise, "USA", Consult, Trade);
    assert_eq!(date(c3.deadline), "2025-03-03");
    assert_eq!(c3.deadline_text.as_deref(), Some("for a one month period"));
    assert_eq!(c3.status, CommitmentStatus::Open, "{c3:#?}");
    assert_eq!(ledger.commitments.len(), 3, "{ledger:#?}");
}

#[test]
fn chain_a_linkage() {
    let ledger = build(&chain_a());
    let links: Vec<String> = ledger
        .linkages
        .iter()
        .map(|l| {
            format!(
                "{}->{} {} {}..{} x{}",
                l.lever,
                l.goal,
                l.evidence.join(","),
                date(l.first_seen),
                date(l.last_seen),
                l.count
            )
        })
        .collect();
    assert_eq!(
        links,
        [
            "trade->drugs a2,c1,e1 2025-02-01..2025-03-03 x3",
            "trade->migration a3 2025-02-01..2025-02-01 x1"
        ]
    );
}

fn water() -> Vec<Event> {
    events(vec![
        Row {
            issues: &[Water],
            sentence: "Just last month, I halted water shipments to Tijuana until Mexico complies with the 1944 Water Treaty.",
            ..deed("w0", "d1", "2025-04-10", "2025-03", Coerce)
        },
        Row {
            issues: &[Trade, Water],
            leverage: Some((Trade, Water)),
            sentence: "My Agriculture Secretary, Brooke Rollins, is standing up for Texas Farmers, and we will keep escalating consequences, including TARIFFS and, maybe even SANCTIONS, until Mexico honors the Treaty, and GIVES TEXAS THE WATER THEY ARE OWED!",
            ..threat("w1", "d1", "2025-04-10", "2025-04-10")
        },
        Row {
            actor: ("MEX", "GOV"),
            recipient: ("USA", "GOV"),
            issues: &[Water],
            sentence: "The Mexican government committed to transfer water from international reservoirs and increase the U.S. share of the flow in six of Mexico's Rio Grande tributaries through the end of the current five-year water cycle.",
            ..deed("x1", "d2", "2025-04-28", "2025-04-28", Concede)
        },
        Row {
            event_type: Agree,
            speech_act: Some(SpeechAct::Promise),
            content_type: Some(Concede),
            actor: ("MEX", "GOV"),
            recipient: ("USA", "GOV"),
            issues: &[Water],
            sentence: "The Mexican government committed to transfer water from international reservoirs and increase the U.S. share of the flow in six of Mexico's Rio Grande tributaries through the end of the current five-year water cycle.",
            ..threat("x2", "d2", "2025-04-28", "2025-04-28")
        },
        Row {
            event_type: Request,
            speech_act: Some(SpeechAct::Demand),
            content_type: Some(Concede),
            issues: &[Water],
            sentence: "The U.S needs Mexico to release 200,000 acre-feet of water before December 31st, and the rest must come soon after.",
            ..threat("q1", "d3", "2025-12-08", "2025-12-08")
        },
        Row {
            issues: &[Trade, Water],
            leverage: Some((Trade, Water)),
            sentence: "That is why I have authorized documentation to impose a 5% Tariff on Mexico if this water isn't released, IMMEDIATELY.",
            ..threat("w3", "d3", "2025-12-08", "2025-12-08")
        },
        Row {
            actor: ("MEX", "GOV"),
            recipient: ("USA", "GOV"),
            issues: &[Water],
            sentence: "Today, the United States and Mexico reached an understanding to meet the current water obligations of American farmers and ranchers and for Mexico to repay the water deficit in Texas as part of the 1944 Water Treaty.",
            ..deed("y1", "d4", "2025-12-12", "2025-12-12", Agree)
        },
        Row {
            actor: ("MEX", "GOV"),
            recipient: ("USA", "GOV"),
            issues: &[Water],
            sentence: "With today's understanding, Mexico has agreed to release 202,000-acre feet of water to the United States with deliveries expected to begin the week of December 15, 2025.",
            ..deed("y2", "d4", "2025-12-12", "2025-12-12", Concede)
        },
        Row {
            event_type: Consult,
            speech_act: Some(SpeechAct::Promise),
            content_type: Some(Cooperate),
            actor: ("MEX", "GOV"),
            recipient: ("USA", "GOV"),
            issues: &[Water],
            sentence: "The United States and Mexico are in negotiations to finalize a plan by the end of January 2026.",
            ..threat("p3", "d4", "2025-12-12", "2025-12-12")
        },
        Row {
            issues: &[Trade, Water],
            leverage: Some((Trade, Water)),
            flags: "hypothetical",
            sentence: "Although this is a step in the right direction, President Trump has been very clear: if Mexico continues to violate its commitments, the United States reserves the right and will impose 5% tariffs on Mexican products.",
            ..threat("w4", "d4", "2025-12-12", "2025-12-12")
        },
        Row {
            actor: ("MEX", "GOV"),
            recipient: ("USA", "GOV"),
            issues: &[Water],
            sentence: "On January 31st, the U.S. Department of Agriculture and the U.S. Department of State welcomed a new commitment between the United States and Mexico that strengthens implementation of the 1944 Water Treaty.",
            ..deed("z1", "d5", "2026-02-03", "2026-01-31", Agree)
        },
    ])
}

#[test]
fn chain_b_water() {
    let ledger = build(&water());
    let w1 = find(&ledger, SpeechAct::Threat, "USA", Sanction, Water);
    assert_eq!(
        history(w1),
        [
            "2025-04-10 open",
            "2025-04-28 conceded",
            "2025-12-08 open",
            "2025-12-12 conceded"
        ]
    );
    assert_eq!(w1.mentions, 3);
    assert_eq!(
        (date(w1.first_said), date(w1.last_said)),
        ("2025-04-10".into(), "2025-12-12".into())
    );
    assert_eq!(date(w1.deadline), "2025-12-31");
    assert_eq!(w1.deadline_text.as_deref(), Some("IMMEDIATELY"));
    assert_eq!(date(w1.status_date), "2025-12-12");
    assert_eq!(w1.status_evidence, ["y1", "y2"]);

    let w2 = find(&ledger, SpeechAct::Promise, "MEX", Concede, Water);
    assert_eq!(date(w2.first_said), "2025-04-28");
    assert_eq!(w2.status, CommitmentStatus::Lapsed, "{w2:#?}");
    assert_eq!(w2.status_evidence, ["q1"]);

    let w3 = find(&ledger, SpeechAct::Promise, "MEX", Cooperate, Water);
    assert_eq!(date(w3.deadline), "2026-01-31");
    assert_eq!(w3.status, CommitmentStatus::CarriedOut, "{w3:#?}");
    assert_eq!(date(w3.status_date), "2026-01-31");

    let links: Vec<String> = ledger
        .linkages
        .iter()
        .map(|l| format!("{}->{} x{}", l.lever, l.goal, l.count))
        .collect();
    assert_eq!(links, ["trade->water x3"]);
}

fn magazine() -> Vec<Event> {
    let doc = "magazine";
    let published = "2025-12-24";
    let row = |id: &'static str, date: &'static str| threat(id, doc, published, date);
    let mex_red_line = |id: &'static str, date: &'static str| Row {
        event_type: Reject,
        speech_act: Some(SpeechAct::RedLine),
        content_type: Some(Assault),
        actor: ("MEX", "GOV"),
        recipient: ("USA", "GOV"),
        issues: &[Security],
        ..row(id, date)
    };
    let strike_threat = |id: &'static str, date: &'static str| Row {
        content_type: Some(Assault),
        recipient: ("MEX", "CRM"),
        issues: &[Security, Drugs],
        ..row(id, date)
    };
    let from_mexico = |row: Row<'static>| Row {
        actor: ("MEX", "GOV"),
        recipient: ("USA", "GOV"),
        ..row
    };
    events(vec![
        Row {
            reported_count: Some(17),
            sentence: "President Donald Trump has said at least 17 times since September that land strikes on the cartels in Mexico would come “soon,” according to a CNN tally.",
            ..strike_threat("S02", "2025-09")
        },
        Row {
            sentence: "Each time, President Claudia Sheinbaum has answered that Mexico will not allow them.",
            ..mex_red_line("S03", "")
        },
        Row {
            sentence: "“Would I launch strikes in Mexico to stop drugs? It’s OK with me,” Trump told reporters in the Oval Office last month.",
            recipient: ("MEX", "GOV"),
            ..strike_threat("S05", "2025-11")
        },
        Row {
            sentence: "At a cabinet meeting this month he went further, saying of the traffickers: “Anybody that’s doing that and selling it into our country is subject to attack.”",
            ..strike_threat("S06", "2025-12")
        },
        Row {
            actor: ("USA", "MIL"),
            recipient: ("", "CRM"),
            issues: &[Security, Drugs],
            sentence: "Since early September, the US military has destroyed more than two dozen boats in the Caribbean and the eastern Pacific that it says were carrying drugs, killing more than 100 people.",
            ..deed("S08", doc, published, "2025-09", Assault)
        },
        Row {
            actor: ("USA", "MIL"),
            recipient: ("", "CRM"),
            issues: &[Security, Drugs],
            sentence: "In October, one of those strikes hit a vessel off Mexico’s Pacific coast, and the Mexican navy took over the search for the only survivor.",
            ..deed("S09", doc, published, "2025-10", Assault)
        },
        Row {
            issues: &[Security],
            flags: "negated",
            sentence: "None of the strikes announced so far has been inside Mexican waters, and none has touched Mexican land.",
            ..deed("S12", doc, published, "", Assault)
        },
        Row {
            sentence: "The first is that there will be no US military strikes on Mexican soil.",
            ..mex_red_line("S14", "")
        },
        Row {
            issues: &[Security, Diplomacy],
            recipient: ("", ""),
            sentence: "“We do not accept intervention by any foreign government,” she said at her morning news conference on November 18.",
            ..mex_red_line("S15", "2025-11-18")
        },
        Row {
            content_type: Some(Mobilize),
            sentence: "The second is that no armed US troops will be embedded with Mexican forces: American agencies may share intelligence, she has said, but Mexican soldiers and police will carry out every operation on Mexican territory.",
            ..mex_red_line("S16", "")
        },
        Row {
            speech_act: Some(SpeechAct::Refusal),
            content_type: Some(Mobilize),
            sentence: "A senior Mexican official, who spoke on condition of anonymity because he was not authorized to discuss the talks, said Mexico had turned down a US proposal this autumn to place armed American advisers with Mexican army units in Sinaloa.",
            ..mex_red_line("S20", "2025")
        },
        Row {
            event_type: Request,
            speech_act: Some(SpeechAct::Demand),
            content_type: Some(Mobilize),
            issues: &[Security],
            sentence: "A senior Mexican official, who spoke on condition of anonymity because he was not authorized to discuss the talks, said Mexico had turned down a US proposal this autumn to place armed American advisers with Mexican army units in Sinaloa.",
            ..row("S20b", "2025")
        },
        from_mexico(Row {
            issues: &[Drugs, Justice],
            sentence: "It has sent 55 cartel figures to the United States this year in two mass transfers, in February and in August, among them Rafael Caro Quintero, who was wanted for the 1985 murder of a Drug Enforcement Administration agent.",
            ..deed("S24", doc, published, "2025", Cooperate)
        }),
        Row {
            recipient: ("MEX", "CRM"),
            issues: &[Security, Drugs],
            sentence: "In February the State Department designated six Mexican cartels as foreign terrorist organizations, a step that administration lawyers say widens the legal grounds for using military force against them.",
            ..deed("S27", doc, published, "2025-02", Sanction)
        },
        Row {
            issues: &[Security],
            sentence: "In September, after a visit to Mexico City by Secretary of State Marco Rubio, the two governments set up a security group of senior officials that now meets every few weeks to review arrests, seizures and extradition requests.",
            ..deed("S28", doc, published, "2025-09", Agree)
        },
        Row {
            issues: &[Trade, Migration],
            leverage: Some((Trade, Migration)),
            sentence: "In February, Trump threatened a 25 percent tariff on all Mexican imports to force Sheinbaum to stop migrants from crossing the border, and he held off only after she agreed to send 10,000 National Guard troops north.",
            ..row("S31", "2025-02")
        },
        from_mexico(Row {
            issues: &[Migration, Security],
            sentence: "In February, Trump threatened a 25 percent tariff on all Mexican imports to force Sheinbaum to stop migrants from crossing the border, and he held off only after she agreed to send 10,000 National Guard troops north.",
            ..deed("S31b", doc, published, "2025-02", Concede)
        }),
        Row {
            issues: &[Trade],
            sentence: "In February, Trump threatened a 25 percent tariff on all Mexican imports to force Sheinbaum to stop migrants from crossing the border, and he held off only after she agreed to send 10,000 National Guard troops north.",
            ..deed("S31c", doc, published, "2025-02", Retreat)
        },
        Row {
            issues: &[Trade, Water],
            leverage: Some((Trade, Water)),
            sentence: "Trump threatened Sheinbaum with more tariffs again this month to force Mexico to send more water from its reservoirs to farmers and ranchers in Texas.",
            ..row("S34", "2025-12")
        },
        Row {
            issues: &[Trade, Water],
            leverage: Some((Trade, Water)),
            sentence: "In a post on December 8, Trump said he had authorized a 5 percent tariff on Mexican goods and demanded that the water be released “IMMEDIATELY.”",
            ..row("S36", "2025-12-08")
        },
        from_mexico(Row {
            issues: &[Water],
            sentence: "On December 12, the two governments announced that Mexico would release 202,000 acre-feet of water to the United States, with deliveries beginning the week of December 15, and would pay back the rest of its debt under a plan to be finished by the end of January.",
            ..deed("S38", doc, published, "2025-12-12", Concede)
        }),
        from_mexico(Row {
            event_type: Agree,
            speech_act: Some(SpeechAct::Promise),
            content_type: Some(Concede),
            issues: &[Water],
            sentence: "On December 12, the two governments announced that Mexico would release 202,000 acre-feet of water to the United States, with deliveries beginning the week of December 15, and would pay back the rest of its debt under a plan to be finished by the end of January.",
            ..row("S38b", "2025-12-12")
        }),
        Row {
            issues: &[Trade, Water],
            leverage: Some((Trade, Water)),
            sentence: "In April, Trump accused Mexico of stealing water from Texas farmers and wrote that the United States would keep escalating consequences, including tariffs and possibly sanctions, until Mexico honored the treaty.",
            ..row("S41", "2025-04")
        },
        from_mexico(Row {
            issues: &[Water],
            sentence: "Within three weeks Mexico had agreed to transfer water from international reservoirs, and the threat was dropped until the next shortfall.",
            ..deed("S42", doc, published, "2025-04", Concede)
        }),
        Row {
            flags: "hypothetical",
            sentence: "Trump has said that if Mexico does not act against the cartels, the United States will.",
            recipient: ("MEX", "GOV"),
            ..strike_threat("S58", "")
        },
        Row {
            sentence: "“It is not going to happen,” she said in November, when she was asked about reports that Washington was preparing operations inside Mexico.",
            ..mex_red_line("S60", "2025-11")
        },
    ])
}

#[test]
fn magazine_commitments() {
    let ledger = build(&magazine());
    let c1 = find(&ledger, SpeechAct::Threat, "USA", Assault, Security);
    assert_eq!(c1.evidence, ["S02", "S05", "S06", "S58"]);
    assert_eq!(
        (c1.mentions, c1.reported_count, c1.times_said),
        (4, Some(17), 17)
    );
    assert_eq!(date(c1.first_said), "2025-09");
    assert_eq!(
        (c1.deadline, c1.deadline_text.as_deref()),
        (None, Some("soon"))
    );
    assert_eq!(c1.status, CommitmentStatus::PartlyCarriedOut);
    assert_eq!(date(c1.status_date), "2025-09");
    assert_eq!(c1.status_evidence, ["S08"]);

    let c2 = find(&ledger, SpeechAct::Threat, "USA", Sanction, Water);
    assert_eq!(c2.evidence, ["S41", "S34", "S36"]);
    assert_eq!(
        history(c2),
        [
            "2025-04 open",
            "2025-04 conceded",
            "2025-12 open",
            "2025-12-12 conceded"
        ]
    );
    // The announced release (done) and the promise in the same sentence both concede.
    assert_eq!(c2.status_evidence, ["S38", "S38b"]);
    assert_eq!(c2.deadline_text.as_deref(), Some("IMMEDIATELY"));
    assert_eq!(c2.leverage.map(|l| (l.lever, l.goal)), Some((Trade, Water)));

    let c3 = find(&ledger, SpeechAct::Threat, "USA", Sanction, Migration);
    assert_ne!(c2.id, c3.id);
    assert_eq!(history(c3), ["2025-02 open", "2025-02 conceded"]);
    assert_eq!(c3.status_evidence, ["S31b"]);

    let c4 = find(&ledger, SpeechAct::Promise, "MEX", Concede, Water);
    assert_eq!(date(c4.deadline), "2026-01-31");
    assert_eq!(c4.deadline_text.as_deref(), Some("by the end of January"));
    assert_eq!(c4.status, CommitmentStatus::Open);
    assert_eq!(c4.status_date, None);

    let c5 = find(&ledger, SpeechAct::Demand, "USA", Mobilize, Security);
    assert_eq!(c5.status, CommitmentStatus::Rejected);
    assert_eq!(c5.status_evidence, ["S20"]);
    assert_eq!(date(c5.status_date), "2025");

    assert_eq!(ledger.commitments.len(), 5, "{:#?}", ledger.commitments);
}

#[test]
fn magazine_red_lines_and_linkage() {
    let ledger = build(&magazine());
    let lines: Vec<String> = ledger
        .red_lines
        .iter()
        .map(|line| {
            format!(
                "{} | {} x{} from {} | {} {} [{}]",
                line.summary,
                line.evidence.join(","),
                line.restated,
                date(line.declared),
                line.status,
                date(line.status_date),
                line.status_evidence.join(",")
            )
        })
        .collect();
    assert_eq!(
        lines,
        [
            "MEX rules out MOBILIZE by USA | S20,S16 x2 from 2025 | holding  []",
            "MEX rules out ASSAULT by USA | S60,S15,S03,S14 x3 from 2025-11 | approached 2025-11 [S02,S05]",
        ]
    );
    assert!(ledger
        .red_lines
        .iter()
        .all(|line| line.status != RedLineStatus::Crossed));

    let links: Vec<String> = ledger
        .linkages
        .iter()
        .map(|l| {
            format!(
                "{}->{} {} {} x{}",
                l.lever,
                l.goal,
                l.evidence.join(","),
                date(l.first_seen),
                l.count
            )
        })
        .collect();
    assert_eq!(
        links,
        [
            "trade->migration S31 2025-02 x1",
            "trade->water S41,S34,S36 2025-04 x3"
        ]
    );
}
