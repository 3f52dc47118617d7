//! Every lesson played end to end: each question's correct choice is what the
//! engine produced, every slot of every text is a measured fact, and opening a
//! step replays exactly the state the step before left.

use super::*;
use crate::scenario::Summary;

fn play(lesson: &Lesson) -> Vec<Player> {
    (0..lesson.steps.len())
        .map(|k| {
            let mut p = Player::open(lesson, k).unwrap_or_else(|e| panic!("{} step {k}: {e:?}", lesson.id));
            p.finish();
            p
        })
        .collect()
}

/// Numbers written as digits in a template, outside identifiers such as
/// `murmur2` or `acks=1` (config values are allowed after `=`).
fn literal_numbers(template: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut prev = ' ';
    let mut chars = template.char_indices().peekable();
    let mut depth = 0;
    while let Some((i, c)) = chars.next() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            '0'..='9'
                if depth == 0
                    && !(prev.is_ascii_alphanumeric() || "_.=-`".contains(prev))
                    && !names_before(&template[..i]) =>
            {
                let mut n = c.to_string();
                while let Some((_, d)) = chars.peek().copied().filter(|(_, d)| d.is_ascii_digit()) {
                    n.push(d);
                    chars.next();
                }
                out.push(n);
            }
            _ => {}
        }
        prev = c;
    }
    out
}

/// A number right after "partition" or "broker" is a name, not a measurement.
fn names_before(text: &str) -> bool {
    let text = text.to_lowercase();
    ["partition ", "partitions ", "broker ", "brokers ", "파티션 ", "브로커 "].iter().any(|w| text.ends_with(w))
}

#[test]
fn every_lesson_has_five_steps_and_two_questions() {
    let lessons = lessons();
    assert!(!lessons.is_empty());
    for l in &lessons {
        assert!(l.steps.len() >= 5, "{}: {} steps", l.id, l.steps.len());
        let questions = l.steps.iter().filter(|s| s.question.is_some()).count();
        assert!(questions >= 2, "{}: {questions} questions", l.id);
        for s in &l.steps {
            if let Some(q) = &s.question {
                assert!((2..=4).contains(&q.choices.len()), "{}: {:?}", l.id, s.title);
            }
        }
    }
}

#[test]
fn every_question_has_exactly_one_right_choice_on_the_run() {
    for l in lessons() {
        for p in play(&l) {
            let s = p.step();
            let o = p.outcome().expect("finished");
            if s.question.is_some() {
                assert!(
                    o.correct.is_some(),
                    "{} step {} ({}): no single right choice; facts {:?}",
                    l.id,
                    p.step_index(),
                    s.title.en,
                    o.facts
                );
            } else {
                assert_eq!(o.correct, None);
            }
        }
    }
}

#[test]
fn every_slot_is_a_measured_fact_in_both_languages() {
    for l in lessons() {
        for p in play(&l) {
            for lang in Lang::ALL {
                let (k, title) = (p.step_index(), p.step().title.en);
                let mut texts = vec![p.narration(lang), p.reveal(lang).expect("played")];
                if let Some((prompt, choices)) = p.question(lang) {
                    texts.push(prompt);
                    texts.extend(choices);
                }
                for text in texts {
                    assert!(!text.trim().is_empty(), "{} step {k} ({title}) {lang}: an empty text", l.id);
                    assert!(!text.contains('{') && !text.contains('}'), "{} step {k} ({title}) {lang}: {text}", l.id);
                }
            }
        }
    }
}

#[test]
fn numbers_in_reveals_come_from_the_run() {
    for l in lessons() {
        for s in &l.steps {
            for lang in Lang::ALL {
                let n = literal_numbers(s.reveal.get(lang));
                assert!(n.is_empty(), "{} ({}) {lang}: typed-in numbers {n:?} in the reveal", l.id, s.title.en);
            }
        }
    }
}

#[test]
fn opening_a_step_replays_what_the_step_before_left() {
    for l in lessons() {
        let played = play(&l);
        for k in 1..l.steps.len() {
            let opened = Player::open(&l, k).unwrap();
            let before = &played[k - 1];
            assert_eq!(opened.cluster().time_ms(), before.cluster().time_ms(), "{} step {k}", l.id);
            assert_eq!(Summary::of(opened.cluster()), Summary::of(before.cluster()), "{} step {k}", l.id);
        }
    }
}

#[test]
fn retry_gives_the_same_outcome() {
    for l in lessons() {
        let k = l.steps.len() - 1;
        let a = Player::open(&l, k).unwrap().finish().clone();
        let b = Player::open(&l, k).unwrap().finish().clone();
        assert_eq!(a, b, "{}", l.id);
    }
}

#[test]
fn templates_fill_particles_after_values() {
    let facts = Facts(vec![("p", Value::Int(3)), ("k", Value::Word("서울".into())), ("b", Value::Int(1))]);
    assert_eq!(
        facts.render("파티션 {p:으로}, {k:이}, 브로커 {b:가} {missing}", Lang::Ko),
        "파티션 3으로, 서울이, 브로커 1이 {missing}"
    );
    assert_eq!(facts.render("P{p} ({b})", Lang::En), "P3 (1)");
}

#[test]
fn literal_numbers_skip_identifiers_and_slots() {
    assert_eq!(literal_numbers("murmur2 {hash} % 3 acks=1 t1-0 partition 2"), vec!["3"]);
    assert!(literal_numbers("{p0} and {p1}").is_empty());
}

/// Chapter 2's claims, as the engine plays them.
mod ch2 {
    use super::*;

    fn outcome(step: usize) -> Outcome {
        Player::open(&lesson("ch2").unwrap(), step).unwrap().finish().clone()
    }

    fn int(o: &Outcome, name: &str) -> i64 {
        match o.facts.get(name) {
            Some(Value::Int(n)) => *n,
            other => panic!("{name}: {other:?}"),
        }
    }

    #[test]
    fn offsets_count_per_partition() {
        let o = outcome(0);
        for p in ["p0", "p1", "p2"] {
            assert!(int(&o, p) > 0, "{p}: {:?}", o.facts);
        }
    }

    #[test]
    fn reading_leaves_the_log_start_alone() {
        let o = outcome(1);
        assert!(int(&o, "committed_after") > int(&o, "start_after"), "{:?}", o.facts);
        assert_eq!(int(&o, "start_after"), 0);
    }

    #[test]
    fn earliest_starts_at_the_log_start_and_latest_at_the_end() {
        let o = outcome(2);
        assert_eq!(int(&o, "first"), int(&o, "start"));
        assert!(int(&o, "billing") > int(&o, "start") && int(&o, "end") > int(&o, "billing"), "{:?}", o.facts);
        let o = outcome(3);
        assert_eq!(int(&o, "first"), int(&o, "end"));
        assert!(int(&o, "end") > 0);
    }

    /// The example: 서울 moves when partitions are added (3 → 5 here:
    /// its hash is a multiple of 12, so 3 → 4 would keep it in partition 0).
    #[test]
    fn seoul_moves_when_partitions_grow() {
        let o = outcome(4);
        let hash = int(&o, "hash");
        assert_eq!(int(&o, "before"), hash % 3);
        assert_eq!(int(&o, "after"), hash % 5);
        assert_ne!(int(&o, "before"), int(&o, "after"));
    }

    #[test]
    fn removing_partitions_is_refused() {
        let o = outcome(5);
        assert_eq!(o.facts.get("answer"), Some(&Value::Word("INVALID_PARTITIONS".into())));
        assert_eq!(int(&o, "count_after"), 5);
    }
}

/// Chapter 3's claims, as the engine plays them.
mod ch3 {
    use super::*;

    fn outcome(step: usize) -> Outcome {
        Player::open(&lesson("ch3").unwrap(), step).unwrap().finish().clone()
    }

    fn int(o: &Outcome, name: &str) -> i64 {
        match o.facts.get(name) {
            Some(Value::Int(n)) => *n,
            other => panic!("{name}: {other:?}"),
        }
    }

    fn word(o: &Outcome, name: &str) -> String {
        match o.facts.get(name) {
            Some(Value::Word(w)) => w.clone(),
            other => panic!("{name}: {other:?}"),
        }
    }

    /// The lesson's commands name brokers: seed 3 must place partition 0 on
    /// [1, 2, 3] (leader 1), or every step would be about the wrong broker.
    #[test]
    fn the_seed_places_the_leader_on_broker_1() {
        let p = Player::open(&lesson("ch3").unwrap(), 0).unwrap();
        let view = p.cluster().view();
        assert_eq!(view.topics[0].partitions[0].replicas, vec![1, 2, 3]);
        assert_eq!(int(&outcome(1), "leader"), 1);
    }

    /// `ReplicationControlManager.createTopic`: a replication factor above the
    /// number of registered brokers is INVALID_REPLICATION_FACTOR; one equal to
    /// it is fine.
    #[test]
    fn a_replication_factor_above_the_broker_count_is_refused() {
        assert_eq!(word(&outcome(0), "answer"), "INVALID_REPLICATION_FACTOR");
        let p = Player::open(&lesson("ch3").unwrap(), 0).unwrap();
        let rf3 = Probe::CreateTopic { topic: "payments".into(), replication_factor: 3 };
        assert_eq!(rf3.measure(p.cluster(), &[]), Value::Word("OK".into()));
    }

    /// `Partition.maybeIncrementLeaderHW` waits for every ISR member, and
    /// consumers fetch with `FetchIsolation.HIGH_WATERMARK`: with an ISR
    /// follower cut off, the group stops at the HW while the leader's log grows.
    #[test]
    fn consumers_stop_at_the_high_watermark_while_the_log_grows() {
        let o = outcome(2);
        assert_eq!(int(&o, "pos"), int(&o, "hw_end"));
        assert!(int(&o, "leo_end") > int(&o, "hw_end") + 20, "{:?}", o.facts);
        assert!(int(&o, "hw_end") <= int(&o, "leo"), "the HW did not move while broker 3 was cut off");
    }

    /// `Partition.maybeShrinkIsr` / `Replica.isCaughtUp`: cut off longer than
    /// `replica.lag.time.max.ms`, broker 3 leaves the ISR and the HW moves on;
    /// healed, it catches up and rejoins (`Partition.maybeExpandIsr`).
    #[test]
    fn a_follower_cut_off_too_long_leaves_the_isr_and_rejoins_when_caught_up() {
        let stuck = outcome(2);
        let o = outcome(3);
        assert_eq!((int(&o, "isr"), int(&o, "isr_end")), (3, 2));
        assert!(int(&o, "hw_end") > int(&stuck, "hw_end"), "the HW moves once broker 3 is out");
        assert_eq!(int(&o, "pos_end"), int(&o, "hw_end"));
        let o = outcome(4);
        assert_eq!(int(&o, "isr_end"), 3);
        assert!(int(&o, "leo3") + 100 < int(&o, "leo"), "broker 3 was far behind: {:?}", o.facts);
        assert!(int(&o, "leo3_end") + 5 >= int(&o, "leo_end"), "and caught up: {:?}", o.facts);
    }

    /// `Replica.isCaughtUp`: followers fetching every 2 s stay in the ISR (they
    /// reach the leader's log end at each fetch) yet are behind between fetches,
    /// which the acks step needs.
    #[test]
    fn slowed_followers_are_behind_but_stay_in_the_isr() {
        let o = outcome(5);
        assert_eq!(int(&o, "isr"), 3);
        assert!(int(&o, "leo2") < int(&o, "leo") && int(&o, "leo3") < int(&o, "leo"), "{:?}", o.facts);
        assert!(int(&o, "acked_all") > 0, "acks=all was answered at least once before the crash");
    }

    /// The same crash under acks 0/1/all (`Partition.makeLeader` on broker 2:
    /// what only broker 1 had is gone): acks=1 loses acknowledged records,
    /// acks=0 loses records silently, acks=all loses none of its acknowledged
    /// ones (`DelayedProduce` had not answered for the records the followers lacked).
    #[test]
    fn acks_1_loses_acknowledged_records_on_the_crash_and_acks_all_does_not() {
        let o = outcome(6);
        assert_eq!(int(&o, "leader"), 2);
        assert_eq!(int(&o, "kept"), int(&o, "f2"));
        assert!(int(&o, "kept") < int(&o, "leo"));
        assert!(int(&o, "lost1") > 0 && int(&o, "lost0") > 0, "{:?}", o.facts);
        assert!(int(&o, "acked_all") > 0);
        assert_eq!(int(&o, "lost_all"), 0);
    }

    /// `Partition.appendRecordsToLeader`: acks=all with an ISR smaller than
    /// `min.insync.replicas` is NOT_ENOUGH_REPLICAS; acks=1 is still appended,
    /// but KIP-966 keeps the HW where it was.
    #[test]
    fn min_insync_replicas_2_with_two_brokers_down_refuses_acks_all() {
        let o = outcome(7);
        assert_eq!(word(&o, "err"), "NOT_ENOUGH_REPLICAS");
        assert_eq!(int(&o, "isr"), 1);
        assert!(int(&o, "leo_end") > int(&o, "leo_start"));
        assert!(int(&o, "hw_end") < int(&o, "leo_start"), "{:?}", o.facts);
    }

    /// With `min.insync.replicas=1` an ISR of the leader alone acknowledges
    /// acks=all; when it dies, a clean election (`PartitionChangeBuilder`) finds
    /// no ISR member and the partition stays offline; the unclean election then
    /// loses acknowledged acks=all records the new leader never had.
    #[test]
    fn acks_all_with_min_insync_replicas_1_loses_acknowledged_records_in_an_unclean_election() {
        let o = outcome(8);
        assert_eq!(o.facts.get("online"), Some(&Value::Bool(false)));
        assert_eq!(o.facts.get("leader"), Some(&Value::None));
        assert!(int(&o, "acked_all_end") > int(&o, "acked_all") + 50, "{:?}", o.facts);
        let leo3 = int(&o, "leo3");
        let o = outcome(9);
        assert_eq!(int(&o, "leader"), 3);
        assert_eq!(int(&o, "kept"), leo3, "broker 3 leads with the log it had");
        assert_eq!(int(&o, "lost_before"), 0);
        assert!(int(&o, "lost_after") > 0, "{:?}", o.facts);
    }
}
