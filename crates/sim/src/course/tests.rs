//! Every lesson played end to end: each question's correct choice is what the
//! engine produced, every slot of every text is a measured fact, and opening a
//! step replays exactly the state the step before left.

use super::*;
use crate::scenario::Summary;

fn play(lesson: &'static Lesson) -> Vec<Player> {
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
    for l in lessons {
        assert!(l.steps.len() >= 5, "{}: {} steps", l.id, l.steps.len());
        let questions = l.steps.iter().filter(|s| s.question.is_some()).count();
        assert!(questions >= 2, "{}: {questions} questions", l.id);
        for s in l.steps {
            if let Some(q) = &s.question {
                assert!((2..=4).contains(&q.choices.len()), "{}: {:?}", l.id, s.title);
            }
        }
    }
}

#[test]
fn every_question_has_exactly_one_right_choice_on_the_run() {
    for l in lessons() {
        for p in play(l) {
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
        for p in play(l) {
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
        for s in l.steps {
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
        let played = play(l);
        for k in 1..l.steps.len() {
            let opened = Player::open(l, k).unwrap();
            let before = &played[k - 1];
            assert_eq!(opened.cluster().time_ms(), before.cluster().time_ms(), "{} step {k}", l.id);
            assert_eq!(Summary::of(opened.cluster()), Summary::of(before.cluster()), "{} step {k}", l.id);
        }
    }
}

/// "Next" continues on the live cluster; it must reach what a replay reaches.
#[test]
fn next_continues_exactly_where_open_replays_to() {
    for l in lessons() {
        let mut p = Player::open(l, 0).unwrap();
        for k in 1..l.steps.len() {
            assert!(p.next_step());
            let opened = Player::open(l, k).unwrap();
            assert_eq!(p.step_index(), k);
            assert_eq!(Summary::of(p.cluster()), Summary::of(opened.cluster()), "{} step {k}", l.id);
            assert_eq!(p.narration(Lang::Ko), opened.narration(Lang::Ko));
        }
        assert!(!p.next_step(), "{}: no step after the last", l.id);
    }
}

/// At a step's start nothing of the step has run, not even its commands due
/// at time 0: an export taken then must not hold them.
#[test]
fn commands_so_far_holds_only_applied_commands() {
    use crate::scenario::{Runner, Scenario};
    for l in lessons() {
        for k in 0..l.steps.len() {
            let p = Player::open(l, k).unwrap();
            let t = p.cluster().time_ms();
            let scenario = Scenario::of_run(&l.config, &p.commands_so_far(), t);
            let mut replay = Runner::new(&scenario).unwrap();
            replay.run_until(t);
            assert_eq!(Summary::of(&replay.cluster), Summary::of(p.cluster()), "{} step {k}", l.id);
        }
    }
}

/// A lesson's run exported as a scenario replays to the same state.
#[test]
fn a_lesson_run_exports_as_a_scenario_that_replays_it() {
    use crate::scenario::{Runner, Scenario};
    for l in lessons() {
        let k = l.steps.len() - 1;
        let mut p = Player::open(l, k).unwrap();
        p.finish();
        let t = p.cluster().time_ms();
        let scenario = Scenario::of_run(&l.config, &p.commands_so_far(), t);
        let mut replay = Runner::new(&scenario).unwrap_or_else(|e| panic!("{}: {e:?}", l.id));
        replay.run_until(t);
        assert_eq!(Summary::of(&replay.cluster), Summary::of(p.cluster()), "{}", l.id);
    }
}

#[test]
fn retry_gives_the_same_outcome() {
    for l in lessons() {
        let k = l.steps.len() - 1;
        let a = Player::open(l, k).unwrap().finish().clone();
        let b = Player::open(l, k).unwrap().finish().clone();
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

/// Step `step` of lesson `id`, played to its end.
fn played(id: &str, step: usize) -> Outcome {
    Player::open(lesson(id).unwrap(), step).unwrap().finish().clone()
}

/// A number fact of an outcome (the chapters' tests read them by name).
fn int(o: &Outcome, name: &str) -> i64 {
    match o.facts.get(name) {
        Some(Value::Int(n)) => *n,
        other => panic!("{name}: {other:?}"),
    }
}

/// A word fact (a status, an error code).
fn word(o: &Outcome, name: &str) -> String {
    match o.facts.get(name) {
        Some(Value::Word(w)) => w.clone(),
        other => panic!("{name}: {other:?}"),
    }
}

/// Chapter 2's claims, as the engine plays them.
mod ch2 {
    use super::*;

    fn outcome(step: usize) -> Outcome {
        played("ch2", step)
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

    /// The issue's example: 서울 moves when partitions are added (3 → 5 here:
    /// its hash is a multiple of 12, so 3 → 4 would keep it in partition 0).
    #[test]
    fn seoul_moves_when_partitions_grow() {
        let o = outcome(4);
        let hash = int(&o, "hash");
        assert_eq!(int(&o, "before"), hash % 3);
        assert_eq!(int(&o, "after"), hash % 5);
        assert_ne!(int(&o, "before"), int(&o, "after"));
    }

    /// `UnifiedLog.deleteOldSegments`: retention ignores consumers and deletes
    /// whole closed segments; the consumer's `auto.offset.reset=earliest` then
    /// moves it to the log start (`Fetcher` on OFFSET_OUT_OF_RANGE).
    #[test]
    fn retention_deletes_unread_segments_and_earliest_resets_to_the_log_start() {
        let o = outcome(6);
        assert_eq!(o.facts.get("unread"), Some(&Value::Bool(true)));
        assert!(int(&o, "deleted") > 0);
        assert!(int(&o, "reset_from") < int(&o, "reset_to"), "{:?}", o.facts);
        assert!(int(&o, "reset_to") <= int(&o, "start_after"));
        assert_eq!(int(&o, "reset_from"), int(&o, "committed"));
    }

    #[test]
    fn removing_partitions_is_refused() {
        let o = outcome(5);
        assert_eq!(o.facts.get("answer"), Some(&Value::Word("INVALID_PARTITIONS".into())));
        assert_eq!(int(&o, "count_after"), 5);
    }
}

/// Chapter 5's claims, as the engine plays them.
mod ch5 {
    use super::*;
    use crate::event::EventKind;

    fn outcome(step: usize) -> Outcome {
        played("ch5", step)
    }

    /// `kafka-consumer-groups --describe` (ConsumerGroupCommand): one row per
    /// partition, LAG = LOG-END-OFFSET − CURRENT-OFFSET; a group that keeps up
    /// still lags by what it read since its last auto-commit.
    #[test]
    fn lag_is_per_partition_hw_minus_committed() {
        let o = outcome(0);
        for p in ["0", "1"] {
            let (c, hw, lag) = (format!("c{p}"), format!("hw{p}"), format!("lag{p}"));
            assert_eq!(int(&o, &lag), int(&o, &hw) - int(&o, &c), "{:?}", o.facts);
            assert!(int(&o, &lag) > 0, "{:?}", o.facts);
        }
    }

    /// ConsumerGroupCommand's LOG-END-OFFSET is ListOffsets `latest` under
    /// read_uncommitted: the high watermark, behind the leader's LEO while
    /// followers have not fetched the newest records.
    #[test]
    fn described_log_end_is_the_high_watermark_not_the_leo() {
        let o = outcome(1);
        assert_eq!(int(&o, "shown"), int(&o, "hw"));
        assert!(int(&o, "leo") > int(&o, "hw"), "{:?}", o.facts);
        assert_eq!(int(&o, "lag"), int(&o, "hw") - int(&o, "c"));
    }

    #[test]
    fn a_slow_group_falls_behind_where_records_pile_up() {
        let o = outcome(2);
        assert!(int(&o, "lag0_after") > int(&o, "lag0") + 40, "{:?}", o.facts);
        assert!(int(&o, "lag1_after") < int(&o, "lag0_after") / 4, "{:?}", o.facts);
    }

    /// `records-lag` is HW − position (`SubscriptionState.partitionLag`) and
    /// `records-lag-max` the `Max` of those (`FetchMetricsManager`); the tool's
    /// LAG starts from the committed offset, which trails the position under
    /// auto-commit, so the two differ by exactly position − committed.
    #[test]
    fn records_lag_max_is_the_largest_records_lag_from_the_position() {
        let o = outcome(3);
        assert_eq!(int(&o, "max"), int(&o, "rl0").max(int(&o, "rl1")));
        assert_ne!(int(&o, "max"), int(&o, "rl0") + int(&o, "rl1"));
        assert_eq!(int(&o, "lag0") - int(&o, "rl0"), int(&o, "pos0") - int(&o, "c0"));
        assert!(int(&o, "pos0") > int(&o, "c0"), "{:?}", o.facts);
        assert_eq!(int(&o, "total"), int(&o, "lag0") + int(&o, "lag1"));
    }

    /// Adding consumers helps while each gets a partition: every assignor
    /// (`RangeAssignor` here) gives a partition to one member of a group, so
    /// members beyond the partition count get none and the lag falls no faster.
    #[test]
    fn consumers_help_up_to_the_partition_count() {
        let five = outcome(4);
        assert_eq!(int(&five, "a"), int(&five, "b"));
        assert!(int(&five, "a") > int(&five, "h0") + int(&five, "h1") + int(&five, "h2"), "{:?}", five.facts);
        let six = outcome(5);
        assert!(int(&six, "a_after") < int(&six, "a"), "{:?}", six.facts);
        assert_eq!(int(&six, "idle"), 0);
        let seven = outcome(6);
        assert_eq!(int(&seven, "a"), int(&seven, "b"));
        assert!(int(&seven, "a_after") < int(&seven, "a"), "{:?}", seven.facts);
        assert_eq!(int(&seven, "b_after"), int(&seven, "a_after"));
        // members − partitions: 4 − 3.
        assert_eq!(int(&seven, "idle"), 1);
    }

    /// The engine says so too: the rebalance after the fourth join reports the
    /// idle member (`IdleConsumer`, members 4, partitions 3).
    #[test]
    fn the_fourth_consumer_is_reported_idle() {
        let mut p = Player::open(lesson("ch5").unwrap(), 6).unwrap();
        let mut idle = Vec::new();
        while !p.done() {
            for e in p.tick() {
                if let EventKind::IdleConsumer { group, member, partitions, members } = &e.kind {
                    idle.push((group.clone(), member.clone(), *partitions, *members));
                }
            }
        }
        assert_eq!(idle, vec![("billing-b".to_string(), "billing-b-c4".to_string(), 3, 4)]);
    }

    /// A crashed member keeps its partitions until `session.timeout.ms` expires
    /// (the group coordinator's heartbeat expiry): nobody commits there
    /// meanwhile, and that partition's lag alone grows.
    #[test]
    fn a_crashed_consumer_freezes_its_partition() {
        let o = outcome(7);
        assert_eq!(int(&o, "c_after"), int(&o, "c"));
        assert!(int(&o, "lag_after") > int(&o, "lag") + 50, "{:?}", o.facts);
        assert!(int(&o, "lag0_after") < int(&o, "lag_after") / 10, "{:?}", o.facts);
    }
}

/// Chapter 4's claims, as the engine plays them.
mod ch4 {
    use super::*;
    use crate::course::ch4::{
        vip_rule, CUSTOMERS, RUN, SEOUL_PARTITION, SHARED_PARTITION, SHARED_WEATHER, VIP_PARTITION,
    };
    use crate::producer::partitioner::{Partitioner, PartitionerSettings};
    use crate::rng::SimRng;

    fn outcome(step: usize) -> Outcome {
        played("ch4", step)
    }

    /// `BuiltInPartitioner.partitionForKey`: `Utils.toPositive(murmur2) %
    /// numPartitions`, where toPositive clears the sign bit (`& 0x7fffffff`).
    /// 서울's murmur2 is negative, so the floor remainder of the signed hash
    /// (what `%` gives in Python) would be another partition.
    #[test]
    fn seoul_goes_to_its_positive_hash_modulo_the_partition_count() {
        let o = outcome(0);
        let (murmur2, hash, n) = (int(&o, "murmur2"), int(&o, "hash"), int(&o, "n"));
        assert!(murmur2 < 0, "the case under test: a negative murmur2");
        assert_eq!(hash, murmur2 & 0x7fff_ffff);
        assert_eq!(n, 10);
        assert_eq!(int(&o, "seoul"), hash % n);
        assert_ne!(int(&o, "seoul"), murmur2.rem_euclid(n));
        assert_eq!(int(&o, "seoul"), i64::from(SEOUL_PARTITION), "the partition the steps look into");
    }

    /// One key, one partition: every 서울 record is in one log, in send order.
    #[test]
    fn one_key_stays_in_one_partition_in_send_order() {
        let o = outcome(1);
        assert!(int(&o, "readings") > 0);
        assert_eq!(int(&o, "parts"), 1, "{:?}", o.facts);
        assert_eq!(int(&o, "seoul"), i64::from(SEOUL_PARTITION));
        assert_eq!(o.facts.get("in_order"), Some(&Value::Bool(true)));
        assert!(word(&o, "tail").split(", ").all(|k| k == "서울"), "{:?}", o.facts);
        assert!(int(&o, "committed") > 0, "the group read the partition");
    }

    /// Order is per partition (Kafka's log), not per key: two keys that share a
    /// partition are interleaved in the order the producer sent them.
    #[test]
    fn two_keys_sharing_a_partition_keep_their_send_order() {
        let o = outcome(2);
        assert_eq!(int(&o, "daegu"), int(&o, "jeju"));
        assert_eq!(int(&o, "daegu"), i64::from(SHARED_WEATHER));
        assert_eq!(int(&o, "h1") % 10, int(&o, "h2") % 10);
        assert_ne!(int(&o, "seoul"), int(&o, "daegu"));
        assert_eq!(o.facts.get("in_order"), Some(&Value::Bool(true)));
        let tail = word(&o, "tail");
        let keys: Vec<&str> = tail.split(", ").collect();
        assert_eq!(keys.len(), 4);
        assert!(keys.windows(2).all(|w| w[0] != w[1]) && keys.iter().all(|k| ["대구", "제주"].contains(k)), "{tail}");
    }

    /// KIP-480 / `BuiltInPartitioner.updatePartitionInfo`: without a key the
    /// producer stays on one partition until `batch.size` bytes went to it.
    #[test]
    fn null_keys_fill_a_batch_before_moving_on() {
        let o = outcome(3);
        assert_eq!(int(&o, "used"), 1, "{:?}", o.facts);
        let counts = [int(&o, "c0"), int(&o, "c1"), int(&o, "c2")];
        assert_eq!(counts.iter().sum::<i64>(), i64::from(RUN));
        assert_eq!(int(&o, "count"), 3);

        let o = outcome(4);
        let counts = [int(&o, "c0"), int(&o, "c1"), int(&o, "c2")];
        let batches = counts.iter().sum::<i64>() / i64::from(RUN);
        for c in counts {
            assert_eq!(c % i64::from(RUN), 0, "moves only after a full batch: {counts:?}");
            // Even over many batches: each partition within a third of its share.
            assert!(3 * c > batches * i64::from(RUN) * 2 / 3, "{counts:?}");
        }
        let moves = int(&o, "moves");
        assert!(moves > 0 && moves < batches, "a draw may repeat the partition: {moves} of {batches}");
    }

    /// `UniformStickyPartitioner` (KIP-480) ignores keys: one key's records
    /// spread over several partitions, unlike the built-in partitioner's.
    #[test]
    fn uniform_sticky_spreads_one_key() {
        let o = outcome(5);
        assert_eq!(int(&o, "parts"), 1);
        assert!(int(&o, "used") > 1, "{:?}", o.facts);
        assert!(int(&o, "parts_after") > int(&o, "parts"));
    }

    /// The setup the VIP step narrates, checked through the engine's custom
    /// partitioner: one VIP customer per partition 0-7, four others on each of
    /// partitions 8 and 9.
    #[test]
    fn vip_customers_fill_partitions_as_narrated() {
        let mut partitioner = Partitioner::new(vip_rule(), PartitionerSettings::default());
        let mut rng = SimRng::new(1);
        let mut per_partition = [0; 10];
        for key in CUSTOMERS {
            let p = partitioner.choose(Some(key.as_bytes()), 100, 10, &[], &mut rng).partition;
            assert_eq!(key.starts_with("vip-"), p < 8, "{key} → partition {p}");
            per_partition[p as usize] += 1;
        }
        assert_eq!(per_partition, [1, 1, 1, 1, 1, 1, 1, 1, 4, 4]);
    }

    /// Reserving 8 of 10 partitions for half of the traffic: the shared
    /// partitions get four times the load and their consumers fall behind.
    #[test]
    fn vip_rule_skews_load_and_lag() {
        let o = outcome(6);
        let (vip, shared) = (int(&o, "in_vip"), int(&o, "in_shared"));
        assert!(vip > 0);
        assert_eq!(shared, 4 * vip, "{:?}", o.facts);
        assert!(
            int(&o, "lag_shared") > int(&o, "lag_vip") && int(&o, "lag_other") > int(&o, "lag_vip"),
            "{:?}",
            o.facts
        );
        assert_eq!(int(&o, "most"), i64::from(SHARED_PARTITION));
        assert_ne!(VIP_PARTITION, SHARED_PARTITION);
        assert_eq!(int(&o, "used"), 10);
    }
}

/// Chapter 6's claims about Burrow, as the engine plays them. The rules are
/// those of `core/internal/evaluator/caching.go` (`calculatePartitionStatus`,
/// `evaluateConsumerStatus`) in linkedin/Burrow.
mod ch6 {
    use super::*;

    fn outcome(step: usize) -> Outcome {
        played("ch6", step)
    }

    /// `storage.intervals` (10) commits are kept, one per `auto.commit.interval.ms`.
    #[test]
    fn the_window_keeps_the_last_ten_commits() {
        let o = outcome(0);
        assert_eq!(int(&o, "commits"), i64::from(crate::burrow::DEFAULT_INTERVALS));
        let interval = lesson("ch6").unwrap().config.groups[0].auto_commit_interval_ms as i64;
        assert_eq!(int(&o, "span"), (int(&o, "commits") - 1) * interval);
        assert_eq!(word(&o, "status"), "OK");
    }

    /// `calculatePartitionStatus` runs no rule while the current lag is 0, so a
    /// dead consumer on a quiet topic is OK.
    #[test]
    fn a_dead_consumer_on_a_quiet_topic_is_ok() {
        let o = outcome(1);
        assert_eq!(int(&o, "members"), 0);
        assert_eq!(int(&o, "lag_end"), 0);
        assert_eq!((word(&o, "status"), word(&o, "group")), ("OK".into(), "OK".into()));
        assert_eq!(word(&o, "reason"), "no_current_lag");
    }

    /// STOP: now − newest commit > newest − oldest (`checkIfOffsetsStopped`),
    /// with lag; the group reports it as ERR.
    #[test]
    fn no_commits_with_lag_is_stop() {
        let o = outcome(2);
        assert_eq!(word(&o, "status"), "STOP");
        assert_eq!(word(&o, "group"), "ERR");
        assert_eq!(word(&o, "reason"), "no_commits_since_window_span");
        assert!(int(&o, "since_end") > int(&o, "span_end") && int(&o, "lag") > 0, "{:?}", o.facts);
    }

    /// Burrow defers STOP while a recent log end offset is at or below the last
    /// commit (`checkIfRecentLagZero`, Burrow issue #303): records are back and
    /// the commits are old, but the partition is not STOP yet.
    #[test]
    fn stop_waits_for_the_recent_log_end_offsets() {
        let mut p = Player::open(lesson("ch6").unwrap(), 2).unwrap();
        for _ in 0..50 {
            p.tick();
        }
        let probe = |field| Probe::BurrowWindow { group: "billing", topic: "orders", partition: 0, field };
        let measure = |q: Probe| q.measure(p.cluster(), &p.cluster().view(), &[]);
        let (Value::Int(since), Value::Int(span)) =
            (measure(probe(WindowField::SinceLastMs)), measure(probe(WindowField::SpanMs)))
        else {
            panic!("no window")
        };
        assert!(since > span, "{since} {span}");
        let lag = measure(Probe::Lag { group: "billing", topic: "orders", partition: 0 });
        assert!(matches!(lag, Value::Int(n) if n > 0), "{lag:?}");
        assert_eq!(
            measure(Probe::BurrowPartition { group: "billing", topic: "orders", partition: 0 }),
            Value::Word("OK".into())
        );
        assert!(!p.done(), "still inside the step");
    }

    /// STALL: a live consumer that keeps polling (Kafka auto-commits
    /// `allConsumed()` inside `poll()`, `ConsumerCoordinator`) commits the same
    /// offset every interval; every commit in the window is that offset, with lag.
    #[test]
    fn committing_the_same_offset_with_lag_is_stall() {
        let o = outcome(3);
        assert_eq!(word(&o, "status"), "STALL");
        assert_eq!(word(&o, "group"), "ERR");
        assert_eq!(word(&o, "reason"), "offsets_stalled");
        assert_eq!(int(&o, "oldest"), int(&o, "offset"));
        assert_eq!(int(&o, "commits"), i64::from(crate::burrow::DEFAULT_INTERVALS));
        assert!(int(&o, "lag") > 0);
        // Still committing, and alive: not the STOP of a consumer that stopped polling.
        assert_eq!(int(&o, "members"), 1);
        assert!(int(&o, "since") <= 1000, "{:?}", o.facts);
        // The new member resumed from the group's committed offset.
        assert_eq!(int(&o, "first"), int(&o, "committed"));
    }

    /// WARN (`checkIfLagNotDecreasing`): offsets advance, the lag never falls;
    /// the group reports WARN as WARN.
    #[test]
    fn a_slow_consumer_is_warn() {
        let o = outcome(4);
        assert_eq!((word(&o, "status"), word(&o, "group")), ("WARN".into(), "WARN".into()));
        assert_eq!(word(&o, "reason"), "lag_not_decreasing");
        assert!(int(&o, "o2") > int(&o, "o1") && int(&o, "l2") > int(&o, "l1"), "{:?}", o.facts);
    }

    /// `kafka-consumer-groups --reset-offsets --to-earliest` commits the log
    /// start: an offset below the one before it is REWIND, ERR for the group.
    #[test]
    fn a_reset_to_earliest_is_rewind() {
        let o = outcome(5);
        assert_eq!((word(&o, "status"), word(&o, "group")), ("REWIND".into(), "ERR".into()));
        assert_eq!(int(&o, "to"), int(&o, "log_start"));
        assert!(int(&o, "to") < int(&o, "from"));
        assert_eq!(int(&o, "from"), int(&o, "committed"));
    }

    /// REWIND ends once a later commit reaches the offset before the step back
    /// (`checkIfRewindRecovered`, Burrow PR #716); a falling lag is OK even
    /// when it is far from 0.
    #[test]
    fn rewind_passes_and_a_falling_lag_is_ok() {
        let o = outcome(6);
        assert_eq!(word(&o, "status"), "REWIND");
        assert_eq!(word(&o, "status_end"), "OK");
        assert_eq!(word(&o, "reason"), "lag_decreasing");
        assert!(int(&o, "newest") >= int(&o, "from"));
        assert!(int(&o, "lag_end") > 0 && int(&o, "l2") < int(&o, "l1"), "{:?}", o.facts);
    }
}

/// Chapter 3's claims, as the engine plays them.
mod ch3 {
    use super::*;

    fn outcome(step: usize) -> Outcome {
        played("ch3", step)
    }

    /// The lesson's commands name brokers: seed 3 must place partition 0 on
    /// [1, 2, 3] (leader 1), or every step would be about the wrong broker.
    #[test]
    fn the_seed_places_the_leader_on_broker_1() {
        let p = Player::open(lesson("ch3").unwrap(), 0).unwrap();
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
        let p = Player::open(lesson("ch3").unwrap(), 0).unwrap();
        let rf3 = Probe::CreateTopic { topic: "payments", replication_factor: 3 };
        assert_eq!(rf3.measure(p.cluster(), &p.cluster().view(), &[]), Value::Word("OK".into()));
    }

    /// Every replica is a full copy: a follower fetches each byte its leader
    /// appended (`ReplicaFetcherThread`, counted as `ReplicationBytesInPerSec`)
    /// and appends the leader's batches unchanged (`UnifiedLog.appendAsFollower`),
    /// so with the followers caught up RF 3 holds exactly three times RF 1's
    /// bytes on disk, and its replication bytes are (RF − 1) × bytes in.
    #[test]
    fn rf_3_costs_three_times_the_disk_and_incoming_network_of_rf_1() {
        let o = outcome(2);
        assert!(int(&o, "in1") > 100_000, "the producers sent records: {:?}", o.facts);
        assert_eq!(int(&o, "in3"), int(&o, "in1"), "same records into both topics");
        assert_eq!(int(&o, "disk3"), 3 * int(&o, "disk1"), "{:?}", o.facts);
        assert_eq!(int(&o, "ratio"), 3);
        assert_eq!(int(&o, "rep3"), 2 * int(&o, "in3"));
        assert_eq!(int(&o, "rep1"), 0);
        assert_eq!(int(&o, "net3"), 3 * int(&o, "net1"));
        assert_eq!(int(&o, "net_ratio"), 3);
        // The controller placed one replica for `rf1` and three for `rf3`.
        let p = Player::open(lesson("ch3").unwrap(), 3).unwrap();
        let view = p.cluster().view();
        let rf1 = view.topics.iter().find(|t| t.name == "rf1").unwrap();
        let rf3 = view.topics.iter().find(|t| t.name == "rf3").unwrap();
        assert_eq!((rf1.partitions[0].replicas.len(), rf3.partitions[0].replicas.len()), (1, 3));
    }

    /// Consumers fetch from the leader (`Partition.fetchRecords` on the leader;
    /// follower fetching needs KIP-392's `client.rack` and a replica selector):
    /// reading RF 3 costs the same bytes as reading RF 1, every record once.
    #[test]
    fn reading_rf_3_costs_the_same_as_reading_rf_1() {
        let wrote = outcome(2);
        let o = outcome(3);
        assert_eq!(int(&o, "ratio"), 1);
        assert_eq!(int(&o, "out3"), int(&o, "out1"));
        assert_eq!(int(&o, "out1"), int(&wrote, "in1"), "each group read every record once: {:?}", o.facts);
    }

    /// `Partition.maybeIncrementLeaderHW` waits for every ISR member, and
    /// consumers fetch with `FetchIsolation.HIGH_WATERMARK`: with an ISR
    /// follower cut off, the group stops at the HW while the leader's log grows.
    #[test]
    fn consumers_stop_at_the_high_watermark_while_the_log_grows() {
        let o = outcome(4);
        assert_eq!(int(&o, "pos"), int(&o, "hw_end"));
        assert!(int(&o, "leo_end") > int(&o, "hw_end") + 20, "{:?}", o.facts);
        assert!(int(&o, "hw_end") <= int(&o, "leo"), "the HW did not move while broker 3 was cut off");
    }

    /// `Partition.maybeShrinkIsr` / `Replica.isCaughtUp`: cut off longer than
    /// `replica.lag.time.max.ms`, broker 3 leaves the ISR and the HW moves on;
    /// healed, it catches up and rejoins (`Partition.maybeExpandIsr`).
    #[test]
    fn a_follower_cut_off_too_long_leaves_the_isr_and_rejoins_when_caught_up() {
        let stuck = outcome(4);
        let o = outcome(5);
        assert_eq!((int(&o, "isr"), int(&o, "isr_end")), (3, 2));
        assert!(int(&o, "hw_end") > int(&stuck, "hw_end"), "the HW moves once broker 3 is out");
        assert_eq!(int(&o, "pos_end"), int(&o, "hw_end"));
        let o = outcome(6);
        assert_eq!(int(&o, "isr_end"), 3);
        assert!(int(&o, "leo3") + 100 < int(&o, "leo"), "broker 3 was far behind: {:?}", o.facts);
        assert!(int(&o, "leo3_end") + 5 >= int(&o, "leo_end"), "and caught up: {:?}", o.facts);
    }

    /// `Replica.isCaughtUp`: followers fetching every 2 s stay in the ISR (they
    /// reach the leader's log end at each fetch) yet are behind between fetches,
    /// which the acks step needs.
    #[test]
    fn slowed_followers_are_behind_but_stay_in_the_isr() {
        let o = outcome(7);
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
        let o = outcome(8);
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
        let o = outcome(9);
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
        let o = outcome(10);
        assert_eq!(o.facts.get("online"), Some(&Value::Bool(false)));
        assert_eq!(o.facts.get("leader"), Some(&Value::None));
        assert!(int(&o, "acked_all_end") > int(&o, "acked_all") + 50, "{:?}", o.facts);
        let leo3 = int(&o, "leo3");
        let o = outcome(11);
        assert_eq!(int(&o, "leader"), 3);
        assert_eq!(int(&o, "kept"), leo3, "broker 3 leads with the log it had");
        assert_eq!(int(&o, "lost_before"), 0);
        assert!(int(&o, "lost_after") > 0, "{:?}", o.facts);
    }
}

/// Chapter 1's claims, from the diagram's data and the run.
mod ch1 {
    use super::*;
    use crate::course::ch1::{CHANGED, DIRECT_4X4, DIRECT_4X5, HUB};

    fn outcome(step: usize) -> Outcome {
        played("ch1", step)
    }

    /// Every link of a wiring names two systems of it (or the hub when wired
    /// through Kafka), and no pair is linked twice.
    fn ends_are_known(w: &Wiring) {
        let known = |id: &str| w.systems.iter().any(|s| s.id == id) || (w.through_kafka() && id == KAFKA);
        for l in w.links {
            assert!(known(l.from) && known(l.to), "{l:?}");
        }
        let mut pairs: Vec<(&str, &str)> = w.links.iter().map(|l| (l.from, l.to)).collect();
        pairs.sort_unstable();
        pairs.dedup();
        assert_eq!(pairs.len(), w.links.len(), "a pair linked twice");
    }

    /// Point to point: a pipeline per (source, target) pair, N×M of them, each
    /// its own protocol; through Kafka: one connection per system, N+M.
    #[test]
    fn direct_links_are_sources_times_targets_and_the_hub_sources_plus_targets() {
        for w in [&DIRECT_4X4, &DIRECT_4X5, &HUB] {
            ends_are_known(w);
        }
        for w in [&DIRECT_4X4, &DIRECT_4X5] {
            let (n, m) = (w.systems_on(Side::Source).count(), w.systems_on(Side::Target).count());
            assert_eq!(w.links.len(), n * m);
            for s in w.systems_on(Side::Source) {
                for t in w.systems_on(Side::Target) {
                    let l = w.links.iter().find(|l| l.from == s.id && l.to == t.id);
                    assert!(matches!(l, Some(Link { via: Via::Direct(_), .. })), "{} → {}", s.id, t.id);
                }
            }
        }
        let (n, m) = (HUB.systems_on(Side::Source).count(), HUB.systems_on(Side::Target).count());
        assert_eq!(HUB.links.len(), n + m);
        for s in HUB.systems {
            let mine = HUB.links.iter().filter(|l| l.from == s.id || l.to == s.id).count();
            assert_eq!(mine, 1, "{}", s.id);
            let l = HUB.links.iter().find(|l| l.from == s.id || l.to == s.id).unwrap();
            // Sources only write (producers), targets only read (consumers).
            assert_eq!(l.to == KAFKA, s.side == Side::Source, "{}", s.id);
            let Via::Kafka(topics) = l.via else { panic!("{l:?}") };
            assert!(!topics.is_empty() && topics.iter().all(|t| HUB.topics.contains(t)), "{l:?}");
        }
    }

    /// The lesson's facts are those counts (the questions' answers).
    #[test]
    fn the_facts_count_the_drawn_links() {
        let o = outcome(1);
        assert_eq!(int(&o, "after"), 20);
        assert_eq!(int(&o, "before"), 16);
        assert_eq!(int(&o, "after") - int(&o, "before"), int(&o, "sources"));
        let o = outcome(3);
        assert_eq!(int(&o, "hub"), int(&o, "sources") + int(&o, "targets"));
        assert_eq!(int(&o, "direct"), int(&o, "sources") * int(&o, "targets"));
        // A format change breaks every pipeline out of the source: one per target.
        let o = outcome(2);
        assert_eq!(int(&o, "broken"), int(&o, "targets"));
        assert!(CHANGED.broken().all(|l| l.from == "checkout"));
    }

    /// A new consumer group with `auto.offset.reset=earliest` and no committed
    /// offset starts at the log start (`SubscriptionState` reset strategy
    /// EARLIEST → ListOffsets earliest): the clicks written before it existed.
    /// No producer is touched (same producers, same configs).
    #[test]
    fn search_reads_history_from_the_log_start_without_touching_producers() {
        let lesson = lesson("ch1").unwrap();
        let mut p = Player::open(lesson, 5).unwrap();
        let before = p.cluster().config().producers.clone();
        let o = p.finish().clone();
        assert_eq!(&p.cluster().config().producers, &before);
        assert_eq!(int(&o, "first"), int(&o, "start"));
        assert_eq!(int(&o, "first"), 0);
        assert!(int(&o, "end") > int(&o, "start"), "history to re-read: {:?}", o.facts);
        assert_eq!(word(&o, "producers"), word(&o, "producers_after"));
        assert_eq!(word(&o, "producers").matches("acks=").count(), before.len());
    }

    /// Reading removes nothing (`UnifiedLog` deletes by retention only): both
    /// click groups read the same partition and its log start stays put; and
    /// search, behind at first, catches up with the high watermark.
    #[test]
    fn groups_read_the_same_log_and_search_catches_up() {
        let o = outcome(4);
        assert_eq!(int(&o, "start"), 0);
        assert!(int(&o, "a") > 0 && int(&o, "r") > 0, "{:?}", o.facts);
        assert_eq!(int(&o, "replicas"), 3);
        let o = outcome(6);
        assert!(int(&o, "pos") < int(&o, "end"), "{:?}", o.facts);
        assert_eq!(int(&o, "pos_after"), int(&o, "end_after"));
        assert_eq!(int(&o, "start_after"), 0);
    }
}
