//! The event log: what happened in the cluster, newest first, with filter chips
//! by kind. Each row names what it concerns and, when clicked (or Enter), selects
//! it for the inspector.
//!
//! The pure parts (which filter an event belongs to, what it concerns, what it
//! selects) are plain functions, tested natively.

use crate::components::nodes::{el, el_text, frag};
use crate::i18n::{strings, Lang, Strings};
use crate::state::Selection;
use crate::ui::use_ui;
use kafka_sim::event::{Event, EventKind};
use kafka_sim::vecmap::VecMap;
use std::collections::VecDeque;
use std::rc::Rc;
use yew::prelude::*;

/// Rows rendered at most: the log re-renders every tick, so keep it cheap.
pub const MAX_ROWS: usize = 200;

#[derive(Properties)]
pub struct EventLogProps {
    pub events: Rc<VecDeque<Rc<Event>>>,
    pub data_events: Rc<VecDeque<Rc<Event>>>,
    pub on_select: Callback<Selection>,
}

impl PartialEq for EventLogProps {
    /// By pointer: the reducer replaces a ring only when events arrived, so this
    /// never compares hundreds of events one by one.
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.events, &o.events)
            && Rc::ptr_eq(&self.data_events, &o.data_events)
            && self.on_select == o.on_select
    }
}

/// The filter chips, in display order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Filter {
    All,
    /// Errors and warnings (anything with [`Severity`] above `Info`).
    Problems,
    Brokers,
    Groups,
    Retention,
    /// Record-level events (`produced`, `consumed`, `committed`): the data ring.
    Data,
}

impl Filter {
    pub const ALL: [Filter; 6] =
        [Filter::All, Filter::Problems, Filter::Brokers, Filter::Groups, Filter::Retention, Filter::Data];

    /// The id used in `data-testid="event-filter-{id}"`.
    pub fn id(self) -> &'static str {
        match self {
            Filter::All => "all",
            Filter::Problems => "problems",
            Filter::Brokers => "brokers",
            Filter::Groups => "groups",
            Filter::Retention => "retention",
            Filter::Data => "data",
        }
    }

    pub fn label(self, s: &Strings) -> &'static str {
        match self {
            Filter::All => s.log_all,
            Filter::Problems => s.log_problems,
            Filter::Brokers => s.log_brokers,
            Filter::Groups => s.log_groups,
            Filter::Retention => s.log_retention,
            Filter::Data => s.log_data,
        }
    }

    /// Whether this filter reads the record-level ring instead of the notable one.
    pub fn uses_data_events(self) -> bool {
        self == Filter::Data
    }
}

/// How loud an event is in the log.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Info,
    Warn,
    Error,
}

impl Severity {
    /// The row's and the code badge's class attributes, whole: static strings
    /// instead of a `classes!` set built per row.
    fn row_classes(self) -> (&'static str, &'static str) {
        match self {
            Severity::Info => ("event-log__item event-log__item--info", "event-log__code event-log__code--info"),
            Severity::Warn => ("event-log__item event-log__item--warn", "event-log__code event-log__code--warn"),
            Severity::Error => ("event-log__item event-log__item--error", "event-log__code event-log__code--error"),
        }
    }
}

pub fn severity(e: &Event) -> Severity {
    match &e.kind {
        EventKind::Rejected { .. }
        | EventKind::ProduceError { .. }
        | EventKind::DataLost { .. }
        | EventKind::LogDirFailed { .. }
        | EventKind::PartitionOffline { .. }
        | EventKind::OffsetOutOfRange { .. }
        | EventKind::LeaderElected { unclean: true, .. } => Severity::Error,
        EventKind::Warning { .. }
        | EventKind::BrokerCrashed { .. }
        | EventKind::BrokerFenced { .. }
        | EventKind::RegistrationRefused { .. }
        | EventKind::MemberCrashed { .. }
        | EventKind::MemberLeft { graceful: false, .. }
        | EventKind::Duplicated { .. }
        | EventKind::Truncated { .. }
        | EventKind::IsrShrunk { .. } => Severity::Warn,
        EventKind::SegmentsDeleted { unread_by, .. } if !unread_by.is_empty() => Severity::Warn,
        _ => Severity::Info,
    }
}

/// Whether `e` shows under `filter`. `Data` matches record-level events only;
/// every other filter is applied to the notable events.
pub fn matches(filter: Filter, e: &Event) -> bool {
    use EventKind as K;
    match filter {
        Filter::All => true,
        Filter::Problems => severity(e) > Severity::Info,
        Filter::Brokers => matches!(
            e.kind,
            K::BrokerCrashed { .. }
                | K::LogDirFailed { .. }
                | K::BrokerFenced { .. }
                | K::BrokerShutdown { .. }
                | K::BrokerRestarted { .. }
                | K::RegistrationRefused { .. }
                | K::BrokerSlowed { .. }
                | K::BrokerIsolated { .. }
                | K::BrokerHealed { .. }
                | K::LeaderElected { .. }
                | K::PartitionOffline { .. }
                | K::IsrShrunk { .. }
                | K::IsrExpanded { .. }
                | K::Truncated { .. }
                | K::DataLost { .. }
                | K::ProduceError { .. }
                | K::Duplicated { .. }
                | K::PartitionsAdded { .. }
                | K::TopicCreated { .. }
        ),
        Filter::Groups => matches!(
            e.kind,
            K::MemberJoined { .. }
                | K::MemberLeft { .. }
                | K::MemberCrashed { .. }
                | K::Rebalanced { .. }
                | K::IdleConsumer { .. }
                | K::OffsetOutOfRange { .. }
        ),
        Filter::Retention => matches!(
            e.kind,
            K::SegmentsDeleted { .. }
                | K::OffsetReset { .. }
                | K::OffsetOutOfRange { .. }
                | K::OffsetsResetByCommand { .. }
        ),
        Filter::Data => matches!(e.kind, K::Produced { .. } | K::Consumed { .. } | K::Committed { .. }),
    }
}

/// What an event concerns, as a short label: `broker 2`, `orders-1`,
/// `g1/g1-c2`, `producer p1`, `g1 · orders-1`.
pub fn entity(e: &Event, lang: Lang) -> Option<String> {
    use EventKind as K;
    let s = strings(lang);
    let tp = |topic: &str, partition: &u32| format!("{topic}-{partition}");
    Some(match &e.kind {
        K::Produced { producer, topic, partition, .. } => {
            format!("{} {producer} → {}", s.log_producer, tp(topic, partition))
        }
        K::Consumed { group, member, .. }
        | K::Committed { group, member, .. }
        | K::MemberJoined { group, member }
        | K::MemberLeft { group, member, .. }
        | K::MemberCrashed { group, member, .. }
        | K::IdleConsumer { group, member, .. }
        | K::OffsetOutOfRange { group, member, .. } => format!("{group}/{member}"),
        K::Rebalanced { group, .. } => group.clone(),
        K::OffsetReset { group, topic, partition, .. } | K::OffsetsResetByCommand { group, topic, partition, .. } => {
            format!("{group} · {}", tp(topic, partition))
        }
        K::SegmentsDeleted { topic, partition, .. }
        | K::LeaderElected { topic, partition, .. }
        | K::PartitionOffline { topic, partition, .. }
        | K::IsrShrunk { topic, partition, .. }
        | K::IsrExpanded { topic, partition, .. }
        | K::Truncated { topic, partition, .. }
        | K::FollowerFetched { topic, partition, .. }
        | K::DataLost { topic, partition, .. } => tp(topic, partition),
        K::PartitionsAdded { topic, .. } | K::TopicCreated { topic, .. } => format!("{} {topic}", s.log_topic),
        K::BrokerCrashed { broker, .. }
        | K::LogDirFailed { broker, .. }
        | K::BrokerFenced { broker }
        | K::BrokerShutdown { broker }
        | K::BrokerRestarted { broker }
        | K::RegistrationRefused { broker, .. }
        | K::BrokerSlowed { broker, .. }
        | K::BrokerIsolated { broker }
        | K::BrokerHealed { broker } => format!("{} {broker}", s.log_broker),
        K::ProduceError { producer, .. } | K::Duplicated { producer, .. } => format!("{} {producer}", s.log_producer),
        K::Rejected { field, .. } if !field.is_empty() => field.to_string(),
        K::Rejected { .. } | K::Warning { .. } | K::Forked { .. } => return None,
    })
}

/// What clicking an event selects for the inspector, if anything.
pub fn selection(e: &Event) -> Option<Selection> {
    use EventKind as K;
    let partition =
        |topic: &String, partition: &u32| Selection::Partition { topic: topic.clone(), partition: *partition };
    let member = |group: &String, member: &String| Selection::Member { group: group.clone(), member: member.clone() };
    Some(match &e.kind {
        // The first record written: the inspector tells where it went.
        K::Produced { topic, partition, first_offset, .. } => {
            Selection::Record { topic: topic.clone(), partition: *partition, offset: *first_offset }
        }
        K::Consumed { group, member: m, .. }
        | K::Committed { group, member: m, .. }
        | K::MemberJoined { group, member: m }
        | K::MemberLeft { group, member: m, .. }
        | K::MemberCrashed { group, member: m, .. }
        | K::IdleConsumer { group, member: m, .. }
        | K::OffsetOutOfRange { group, member: m, .. } => member(group, m),
        // No group selection: the first member of the new assignment shows the group.
        K::Rebalanced { group, assignment, .. } => member(group, &assignment.first()?.0),
        K::OffsetReset { topic, partition: p, .. }
        | K::OffsetsResetByCommand { topic, partition: p, .. }
        | K::SegmentsDeleted { topic, partition: p, .. }
        | K::LeaderElected { topic, partition: p, .. }
        | K::PartitionOffline { topic, partition: p, .. }
        | K::IsrShrunk { topic, partition: p, .. }
        | K::IsrExpanded { topic, partition: p, .. }
        | K::Truncated { topic, partition: p, .. }
        | K::FollowerFetched { topic, partition: p, .. }
        | K::DataLost { topic, partition: p, .. } => partition(topic, p),
        // The first new partition.
        K::PartitionsAdded { topic, from, .. } => partition(topic, from),
        K::TopicCreated { topic, .. } => partition(topic, &0),
        K::BrokerCrashed { broker, .. }
        | K::LogDirFailed { broker, .. }
        | K::BrokerFenced { broker }
        | K::BrokerShutdown { broker }
        | K::BrokerRestarted { broker }
        | K::RegistrationRefused { broker, .. }
        | K::BrokerSlowed { broker, .. }
        | K::BrokerIsolated { broker }
        | K::BrokerHealed { broker } => Selection::Broker(*broker),
        K::ProduceError { producer, .. } | K::Duplicated { producer, .. } => Selection::Producer(producer.clone()),
        K::Rejected { .. } | K::Warning { .. } | K::Forked { .. } => return None,
    })
}

/// The event's explanation without a leading `CODE: ` when the code is shown
/// as a badge already.
pub fn message_after_badge(e: &Event, lang: Lang) -> String {
    let msg = e.message(lang);
    match e.code().and_then(|c| msg.strip_prefix(c)).and_then(|rest| rest.strip_prefix(": ")) {
        Some(rest) => rest.to_string(),
        None => msg,
    }
}

/// Simulated time as the log shows it: `12.3 s`.
pub fn format_time(t_ms: u64) -> String {
    format!("{}.{} s", t_ms / 1000, (t_ms % 1000) / 100)
}

/// The newest `max` events of `ring` that match `filter`, newest first, each with
/// a key that stays the same while the event is in the ring (its time and its
/// place among the events of that time).
pub fn visible(ring: &VecDeque<Rc<Event>>, filter: Filter, max: usize) -> (Vec<(String, &Event)>, usize) {
    let mut rows = VecDeque::with_capacity(max.min(ring.len()));
    let mut total = 0;
    let mut seen: VecMap<u64, u32> = VecMap::new();
    for e in ring.iter().map(|e| &**e) {
        let ordinal = {
            let n = seen.get_or_insert_with(e.t_ms, || 0);
            *n += 1;
            *n - 1
        };
        if !matches(filter, e) {
            continue;
        }
        total += 1;
        if rows.len() == max {
            rows.pop_front();
        }
        rows.push_back((format!("{}-{}", e.t_ms, ordinal), e));
    }
    (rows.into_iter().rev().collect(), total)
}

#[component]
pub fn EventLog(props: &EventLogProps) -> Html {
    let lang = use_ui().lang;
    let s = strings(lang);
    let filter = use_state(|| Filter::All);
    let ring = |f: Filter| {
        if f.uses_data_events() {
            &props.data_events
        } else {
            &props.events
        }
    };
    let (rows, total) = visible(ring(*filter), *filter, MAX_ROWS);
    let chips = Filter::ALL.iter().map(|&f| {
        let count = ring(f).iter().filter(|e| matches(f, e)).count();
        let pressed = *filter == f;
        let onclick = {
            let filter = filter.clone();
            Callback::from(move |_: MouseEvent| filter.set(f))
        };
        html! {
            <button type="button" class={if pressed { "event-log__chip event-log__chip--on" } else { "event-log__chip" }}
                aria-pressed={pressed.to_string()} data-testid={format!("event-filter-{}", f.id())} {onclick}>
                { f.label(s) }
                { el("span", "event-log__count", count.into()) }
            </button>
        }
    });
    let items = rows.into_iter().map(|(key, e)| {
        let sel = selection(e);
        let (class, code_class) = severity(e).row_classes();
        let body = frag(&mut [
            el("span", "event-log__time", format_time(e.t_ms).into()),
            entity(e, lang).map_or_else(Html::default, |who| el("span", "event-log__entity", who.into())),
            e.code().map_or_else(Html::default, |code| el("span", code_class, code.into())),
            el("span", "event-log__msg", message_after_badge(e, lang).into()),
        ]);
        // The click handler sits on the list item so a click anywhere in
        // it (or Enter/Space on the button, which clicks) selects.
        let onclick = sel.map(|sel| {
            let on_select = props.on_select.clone();
            Callback::from(move |_: MouseEvent| on_select.emit(sel.clone()))
        });
        // A selectable row is a button; one `html!` site for both kinds.
        let (tag, kind, title) =
            if onclick.is_some() { ("button", Some("button"), Some(s.log_inspect)) } else { ("div", None, None) };
        html! {
            <li {key} {class} data-kind={e.type_name()} {onclick}>
                <@{tag} type={kind} class="event-log__row" {title}>{ body }</@>
            </li>
        }
    });
    let shown = total.min(MAX_ROWS);
    let list = if total == 0 {
        el_text("p", "event-log__empty", s.log_empty)
    } else {
        el("ol", "event-log__list", items.collect())
    };
    let more = if total > shown {
        let text = s.log_more.replace("{n}", &shown.to_string()).replace("{total}", &total.to_string());
        el("p", "event-log__note", text.into())
    } else {
        Html::default()
    };
    let data_help =
        if filter.uses_data_events() { el_text("p", "event-log__note", s.log_data_help) } else { Html::default() };
    html! {
        <section class="event-log" data-testid="event-log" aria-label={s.log_label}>
            <div class="event-log__filters" role="group" aria-label={s.log_filters}>
                { for chips }
            </div>
            { data_help }
            { list }
            { more }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kafka_sim::event::{DataLossReason, IsrShrinkReason};
    use kafka_sim::{ErrorCode, ErrorReason, FieldPath, TopicPartition};

    fn ev(t_ms: u64, kind: EventKind) -> Event {
        Event { t_ms, kind }
    }

    fn crashed(b: u32) -> Event {
        ev(1200, EventKind::BrokerCrashed { broker: b, session_timeout_ms: 9000 })
    }

    fn isr_shrunk() -> Event {
        ev(
            5000,
            EventKind::IsrShrunk {
                topic: "orders".into(),
                partition: 1,
                broker: 2,
                isr: vec![1, 3],
                reason: IsrShrinkReason::Fenced,
            },
        )
    }

    fn member_crashed() -> Event {
        ev(700, EventKind::MemberCrashed { group: "g1".into(), member: "g1-c2".into(), session_timeout_ms: 10_000 })
    }

    fn produce_error() -> Event {
        ev(
            800,
            EventKind::ProduceError {
                producer: "p1".into(),
                topic: "orders".into(),
                partition: 0,
                error: ErrorCode::NotEnoughReplicas,
                records: 3,
                retrying: true,
            },
        )
    }

    fn data_lost() -> Event {
        ev(
            900,
            EventKind::DataLost {
                topic: "orders".into(),
                partition: 2,
                from_offset: 10,
                to_offset: 12,
                acked: 2,
                acks0: 0,
                reason: DataLossReason::UncleanElection,
            },
        )
    }

    fn rejected() -> Event {
        ev(
            0,
            EventKind::Rejected {
                code: ErrorCode::InvalidConfig,
                field: FieldPath::new("broker_config").field("fetch_delay_ms"),
                reason: ErrorReason::BrokerSettingZero,
            },
        )
    }

    fn produced(t: u64) -> Event {
        ev(
            t,
            EventKind::Produced {
                producer: "p1".into(),
                topic: "orders".into(),
                partition: 1,
                first_offset: 40,
                last_offset: 42,
                count: 3,
            },
        )
    }

    #[test]
    fn entities_name_what_an_event_concerns() {
        assert_eq!(entity(&crashed(2), Lang::En).as_deref(), Some("broker 2"));
        assert_eq!(entity(&crashed(2), Lang::Ko).as_deref(), Some("브로커 2"));
        assert_eq!(entity(&isr_shrunk(), Lang::En).as_deref(), Some("orders-1"));
        assert_eq!(entity(&member_crashed(), Lang::En).as_deref(), Some("g1/g1-c2"));
        assert_eq!(entity(&produce_error(), Lang::En).as_deref(), Some("producer p1"));
        assert_eq!(entity(&produced(0), Lang::En).as_deref(), Some("producer p1 → orders-1"));
        assert_eq!(entity(&rejected(), Lang::En).as_deref(), Some("broker_config.fetch_delay_ms"));
    }

    #[test]
    fn selections_follow_the_entity() {
        assert_eq!(selection(&crashed(3)), Some(Selection::Broker(3)));
        assert_eq!(selection(&isr_shrunk()), Some(Selection::Partition { topic: "orders".into(), partition: 1 }));
        assert_eq!(
            selection(&member_crashed()),
            Some(Selection::Member { group: "g1".into(), member: "g1-c2".into() })
        );
        assert_eq!(selection(&produce_error()), Some(Selection::Producer("p1".into())));
        assert_eq!(selection(&data_lost()), Some(Selection::Partition { topic: "orders".into(), partition: 2 }));
        assert_eq!(
            selection(&produced(0)),
            Some(Selection::Record { topic: "orders".into(), partition: 1, offset: 40 })
        );
        assert_eq!(selection(&rejected()), None);
        let rebalanced = ev(
            0,
            EventKind::Rebalanced {
                group: "g1".into(),
                generation: 2,
                assignor: kafka_sim::assignor::Strategy::Range,
                assignment: vec![("g1-c1".into(), vec![TopicPartition::new("orders", 0)])],
                pending_revocation: vec![],
            },
        );
        assert_eq!(selection(&rebalanced), Some(Selection::Member { group: "g1".into(), member: "g1-c1".into() }));
    }

    #[test]
    fn filters_sort_events_by_kind() {
        assert!(matches(Filter::Brokers, &crashed(1)) && matches(Filter::Problems, &crashed(1)));
        assert!(!matches(Filter::Groups, &crashed(1)));
        assert!(matches(Filter::Groups, &member_crashed()));
        assert!(matches(Filter::Brokers, &isr_shrunk()));
        assert!(matches(Filter::Problems, &data_lost()) && matches(Filter::Brokers, &data_lost()));
        assert!(matches(Filter::Problems, &rejected()) && !matches(Filter::Brokers, &rejected()));
        assert!(matches(Filter::Data, &produced(0)) && !matches(Filter::Brokers, &produced(0)));
        let restarted = ev(0, EventKind::BrokerRestarted { broker: 1 });
        assert!(!matches(Filter::Problems, &restarted));
        let deleted = |unread: Vec<String>| {
            ev(
                0,
                EventKind::SegmentsDeleted {
                    topic: "orders".into(),
                    partition: 0,
                    reason: kafka_sim::log::DeletionReason::RetentionMs,
                    segments: 1,
                    from_offset: 0,
                    to_offset: 10,
                    bytes: 100,
                    unread_by: unread,
                },
            )
        };
        assert!(matches(Filter::Retention, &deleted(vec![])) && !matches(Filter::Problems, &deleted(vec![])));
        assert!(matches(Filter::Problems, &deleted(vec!["g1".into()])));
    }

    #[test]
    fn the_badge_is_not_repeated_in_the_message() {
        let m = message_after_badge(&produce_error(), Lang::En);
        assert!(m.starts_with("p1 → orders-0"), "{m}");
        let m = message_after_badge(&rejected(), Lang::Ko);
        assert_eq!(m, "0이 아니라 1 이상이어야 합니다", "the field shows as the entity");
        let m = message_after_badge(&crashed(1), Lang::En);
        assert!(m.starts_with("Broker 1 crashed"), "{m}");
    }

    #[test]
    fn time_is_shown_in_seconds_with_one_decimal() {
        assert_eq!(format_time(12_345), "12.3 s");
        assert_eq!(format_time(0), "0.0 s");
        assert_eq!(format_time(100), "0.1 s");
    }

    #[test]
    fn visible_is_newest_first_capped_and_keyed_uniquely() {
        let later = ev(6000, EventKind::BrokerRestarted { broker: 2 });
        let ring: VecDeque<Rc<Event>> =
            [crashed(1), isr_shrunk(), produced(5000), produced(5000), later.clone()].map(Rc::new).into();
        let (rows, total) = visible(&ring, Filter::All, 3);
        assert_eq!(total, 5);
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].1, &later);
        let keys: Vec<&str> = rows.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["6000-0", "5000-2", "5000-1"]);
        let (rows, total) = visible(&ring, Filter::Brokers, 200);
        assert_eq!((rows.len(), total), (3, 3));
        // Keys stay unique even if time went backwards (a reset between events).
        let ring: VecDeque<Rc<Event>> = [crashed(1), crashed(2), isr_shrunk(), crashed(3)].map(Rc::new).into();
        let (rows, _) = visible(&ring, Filter::All, 200);
        let mut keys: Vec<&str> = rows.iter().map(|(k, _)| k.as_str()).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), 4);
    }
}
