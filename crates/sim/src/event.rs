//! Events: what happened in the cluster, in order, with an explanation in
//! English and Korean. They drive the app's event log and animations and the
//! CLI's `--trace` (one JSON object per line: `{"t_ms":…,"type":"…",…}`).

use crate::error::SimError;
use crate::ids::TopicPartition;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Event {
    pub t_ms: u64,
    #[serde(flatten)]
    pub kind: EventKind,
}

/// How the position of a consumer was reset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ResetCause {
    /// The group had no committed offset for the partition.
    NoCommittedOffset,
    /// The position was below the log start offset (retention deleted it) or
    /// beyond the log end.
    OutOfRange,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum EventKind {
    /// A producer's records appended to a partition during one step (one produce
    /// request's worth).
    Produced {
        producer: String,
        topic: String,
        partition: u32,
        first_offset: u64,
        last_offset: u64,
        count: u32,
    },
    /// A consumer read `[from_offset, to_offset)`; `redelivered` of them had
    /// already been read by its group before (after a rebalance or a reset).
    Consumed {
        group: String,
        member: String,
        topic: String,
        partition: u32,
        from_offset: u64,
        to_offset: u64,
        redelivered: u64,
    },
    /// A group committed `offset` (the next record it will read) for a partition.
    Committed {
        group: String,
        member: String,
        topic: String,
        partition: u32,
        offset: u64,
    },
    MemberJoined {
        group: String,
        member: String,
    },
    /// `graceful`: it left with a LeaveGroup (after committing); otherwise it crashed
    /// and the coordinator noticed after `session.timeout.ms`.
    MemberLeft {
        group: String,
        member: String,
        graceful: bool,
    },
    /// A crashed member stops polling; its partitions stay assigned until the
    /// session times out.
    MemberCrashed {
        group: String,
        member: String,
        session_timeout_ms: u64,
    },
    /// A rebalance completed: the new generation and who owns what.
    Rebalanced {
        group: String,
        generation: i32,
        assignor: &'static str,
        assignment: Vec<(String, Vec<TopicPartition>)>,
        /// Partitions withheld this round because their previous owner must
        /// revoke them first (cooperative protocol).
        pending_revocation: Vec<TopicPartition>,
    },
    /// A member got no partitions: there are more members than partitions.
    IdleConsumer {
        group: String,
        member: String,
        partitions: u32,
        members: u32,
    },
    /// `auto.offset.reset` (or a reset command) moved a group's position.
    OffsetReset {
        group: String,
        topic: String,
        partition: u32,
        from: Option<u64>,
        to: u64,
        policy: &'static str,
        cause: ResetCause,
    },
    /// `auto.offset.reset=none` and no valid offset: the consumer stops on this
    /// partition with OFFSET_OUT_OF_RANGE (Kafka throws to the application).
    OffsetOutOfRange {
        group: String,
        member: String,
        topic: String,
        partition: u32,
        offset: Option<u64>,
        log_start_offset: u64,
        log_end_offset: u64,
    },
    /// `kafka-consumer-groups --reset-offsets` changed a committed offset.
    OffsetsResetByCommand {
        group: String,
        topic: String,
        partition: u32,
        from: Option<u64>,
        to: u64,
    },
    /// Retention deleted whole segments from the head of a partition.
    SegmentsDeleted {
        topic: String,
        partition: u32,
        reason: &'static str,
        segments: u32,
        from_offset: u64,
        to_offset: u64,
        bytes: u64,
        /// Groups that had not yet read (committed) all of the deleted records.
        unread_by: Vec<String>,
    },
    PartitionsAdded {
        topic: String,
        from: u32,
        to: u32,
    },
    /// A broker crashed (hard). Nobody notices until the controller fences it.
    BrokerCrashed {
        broker: u32,
        session_timeout_ms: u64,
    },
    /// The controller fenced a crashed broker after `broker.session.timeout.ms`.
    BrokerFenced {
        broker: u32,
    },
    BrokerShutdown {
        broker: u32,
    },
    BrokerRestarted {
        broker: u32,
    },
    BrokerSlowed {
        broker: u32,
        factor: u32,
    },
    /// A partition got a new leader (leader epoch `epoch`).
    LeaderElected {
        topic: String,
        partition: u32,
        leader: u32,
        previous: Option<u32>,
        epoch: u32,
        unclean: bool,
        /// `offline`, `controlled_shutdown`, `preferred`, `restart`.
        cause: &'static str,
    },
    /// No live in-sync replica and unclean election is off: no leader.
    PartitionOffline {
        topic: String,
        partition: u32,
        last_leader: u32,
    },
    IsrShrunk {
        topic: String,
        partition: u32,
        broker: u32,
        isr: Vec<u32>,
        /// `lagging` (replica.lag.time.max.ms) or `fenced` (broker down).
        reason: &'static str,
    },
    IsrExpanded {
        topic: String,
        partition: u32,
        broker: u32,
        isr: Vec<u32>,
    },
    /// A replica removed records that diverged from the leader's log.
    Truncated {
        topic: String,
        partition: u32,
        broker: u32,
        from_offset: u64,
        to_offset: u64,
    },
    /// Records the new leader does not have: gone for good.
    DataLost {
        topic: String,
        partition: u32,
        from_offset: u64,
        to_offset: u64,
        /// How many of them the producer had been told were written.
        acked: u64,
        /// How many were sent with acks=0.
        acks0: u64,
        /// `unclean_election` or `leader_failover` (records not yet copied).
        reason: &'static str,
    },
    /// A produce attempt failed; the producer retries until `delivery.timeout.ms`.
    ProduceError {
        producer: String,
        topic: String,
        partition: u32,
        error: &'static str,
        records: u32,
        retrying: bool,
    },
    /// A retry wrote records that were already in the log: duplicates, because
    /// the producer is not idempotent.
    Duplicated {
        producer: String,
        topic: String,
        partition: u32,
        records: u32,
    },
    /// A warning that is not an error (e.g. replication factor 1).
    Warning {
        code: &'static str,
        en: String,
        #[serde(skip)]
        ko: String,
    },
    /// A command or scenario step was refused; nothing changed.
    Rejected {
        code: &'static str,
        field: String,
        error: String,
        #[serde(skip)]
        ko: String,
    },
}

impl Event {
    /// The error or warning code this event carries, if any.
    pub fn code(&self) -> Option<&'static str> {
        match &self.kind {
            EventKind::Rejected { code, .. } => Some(code),
            EventKind::OffsetOutOfRange { .. } => Some("OFFSET_OUT_OF_RANGE"),
            EventKind::ProduceError { error, .. } => Some(error),
            EventKind::Warning { code, .. } => Some(code),
            _ => None,
        }
    }

    /// The event's type name as in traces (`produced`, `rebalanced`, …).
    pub fn type_name(&self) -> &'static str {
        match &self.kind {
            EventKind::Produced { .. } => "produced",
            EventKind::Consumed { .. } => "consumed",
            EventKind::Committed { .. } => "committed",
            EventKind::MemberJoined { .. } => "member_joined",
            EventKind::MemberLeft { .. } => "member_left",
            EventKind::MemberCrashed { .. } => "member_crashed",
            EventKind::Rebalanced { .. } => "rebalanced",
            EventKind::IdleConsumer { .. } => "idle_consumer",
            EventKind::OffsetReset { .. } => "offset_reset",
            EventKind::OffsetOutOfRange { .. } => "offset_out_of_range",
            EventKind::OffsetsResetByCommand { .. } => "offsets_reset_by_command",
            EventKind::SegmentsDeleted { .. } => "segments_deleted",
            EventKind::PartitionsAdded { .. } => "partitions_added",
            EventKind::Rejected { .. } => "rejected",
            EventKind::BrokerCrashed { .. } => "broker_crashed",
            EventKind::BrokerFenced { .. } => "broker_fenced",
            EventKind::BrokerShutdown { .. } => "broker_shutdown",
            EventKind::BrokerRestarted { .. } => "broker_restarted",
            EventKind::BrokerSlowed { .. } => "broker_slowed",
            EventKind::LeaderElected { .. } => "leader_elected",
            EventKind::PartitionOffline { .. } => "partition_offline",
            EventKind::IsrShrunk { .. } => "isr_shrunk",
            EventKind::IsrExpanded { .. } => "isr_expanded",
            EventKind::Truncated { .. } => "truncated",
            EventKind::DataLost { .. } => "data_lost",
            EventKind::ProduceError { .. } => "produce_error",
            EventKind::Duplicated { .. } => "duplicated",
            EventKind::Warning { .. } => "warning",
        }
    }

    pub fn rejected(t_ms: u64, e: &SimError) -> Self {
        Event {
            t_ms,
            kind: EventKind::Rejected {
                code: e.code.name(),
                field: e.field.clone(),
                error: e.en.clone(),
                ko: e.ko.clone(),
            },
        }
    }

    /// A plain explanation for a learner, in `lang` (`"ko"` or English).
    pub fn message(&self, lang: &str) -> String {
        let ko = lang == "ko";
        match &self.kind {
            EventKind::Produced { producer, topic, partition, first_offset, last_offset, count } => {
                if ko {
                    format!("프로듀서 {producer}가 {topic}-{partition}에 레코드 {count}개를 썼습니다 (오프셋 {first_offset}~{last_offset})")
                } else {
                    format!("Producer {producer} wrote {count} record(s) to {topic}-{partition} (offsets {first_offset}–{last_offset})")
                }
            }
            EventKind::Consumed { group, member, topic, partition, from_offset, to_offset, redelivered } => {
                let n = to_offset - from_offset;
                match (ko, *redelivered > 0) {
                    (true, false) => format!("{group}의 {member}가 {topic}-{partition}에서 {n}개를 읽었습니다 (오프셋 {from_offset}~{})", to_offset - 1),
                    (true, true) => format!("{group}의 {member}가 {topic}-{partition}에서 {n}개를 읽었습니다. 그중 {redelivered}개는 커밋 전에 이미 읽은 레코드라 다시 전달되었습니다"),
                    (false, false) => format!("{member} of {group} read {n} record(s) from {topic}-{partition} (offsets {from_offset}–{})", to_offset - 1),
                    (false, true) => format!("{member} of {group} read {n} record(s) from {topic}-{partition}; {redelivered} had been read before but not committed, so they were delivered again"),
                }
            }
            EventKind::Committed { group, member, topic, partition, offset } => {
                if ko {
                    format!(
                        "{group}의 {member}가 {topic}-{partition}의 오프셋 {offset}을 커밋했습니다 (다음에 읽을 위치)"
                    )
                } else {
                    format!("{member} committed offset {offset} for {topic}-{partition} in {group} (the next record to read)")
                }
            }
            EventKind::MemberJoined { group, member } => {
                if ko {
                    format!("{member}가 컨슈머 그룹 {group}에 들어왔습니다: 리밸런스가 일어납니다")
                } else {
                    format!("{member} joined consumer group {group}: the group rebalances")
                }
            }
            EventKind::MemberLeft { group, member, graceful: true } => {
                if ko {
                    format!("{member}가 오프셋을 커밋하고 {group}을(를) 떠났습니다: 남은 멤버끼리 리밸런스합니다")
                } else {
                    format!("{member} committed its offsets and left {group}: the remaining members rebalance")
                }
            }
            EventKind::MemberLeft { group, member, graceful: false } => {
                if ko {
                    format!("session.timeout.ms 동안 {member}의 하트비트가 없어 코디네이터가 {group}에서 제외했습니다: 커밋하지 않은 레코드는 다른 멤버가 다시 읽습니다")
                } else {
                    format!("No heartbeat from {member} for session.timeout.ms, so the coordinator removed it from {group}: records it read but did not commit will be read again by another member")
                }
            }
            EventKind::MemberCrashed { group, member, session_timeout_ms } => {
                if ko {
                    format!("{group}의 {member}가 멈췄습니다. 코디네이터는 session.timeout.ms({session_timeout_ms}ms)가 지나야 알아차리고, 그동안 이 멤버의 파티션은 아무도 읽지 않습니다")
                } else {
                    format!("{member} of {group} crashed. The coordinator only notices after session.timeout.ms ({session_timeout_ms} ms); until then nobody reads its partitions")
                }
            }
            EventKind::Rebalanced { group, generation, assignor, assignment, pending_revocation } => {
                let list = assignment
                    .iter()
                    .map(|(m, tps)| {
                        let ps: Vec<String> = tps.iter().map(|tp| tp.partition.to_string()).collect();
                        format!("{m}: [{}]", ps.join(","))
                    })
                    .collect::<Vec<_>>()
                    .join(", ");
                let pending = if pending_revocation.is_empty() {
                    String::new()
                } else {
                    let ps: Vec<String> = pending_revocation.iter().map(|tp| tp.to_string()).collect();
                    if ko {
                        format!(
                            " — {}는 이전 소유자가 먼저 반납해야 해서 다음 리밸런스에서 배정됩니다 (cooperative)",
                            ps.join(", ")
                        )
                    } else {
                        format!(
                            " — {} wait for the next rebalance: their previous owner revokes them first (cooperative)",
                            ps.join(", ")
                        )
                    }
                };
                if ko {
                    format!("{group} 리밸런스 완료, 세대 {generation} ({assignor}): {list}{pending}")
                } else {
                    format!("{group} rebalanced to generation {generation} ({assignor}): {list}{pending}")
                }
            }
            EventKind::IdleConsumer { group, member, partitions, members } => {
                if ko {
                    format!("{member}는 유휴 상태입니다: {group}에는 컨슈머가 {members}개인데 파티션은 {partitions}개뿐이라, 한 파티션은 그룹 안에서 한 컨슈머만 읽을 수 있습니다")
                } else {
                    format!("{member} is idle: {group} has {members} consumers but only {partitions} partitions, and within a group each partition is read by one consumer only")
                }
            }
            EventKind::OffsetReset { group, topic, partition, from, to, policy, cause } => {
                let why = match (cause, ko) {
                    (ResetCause::NoCommittedOffset, true) => "커밋된 오프셋이 없어".to_string(),
                    (ResetCause::NoCommittedOffset, false) => "it has no committed offset".to_string(),
                    (ResetCause::OutOfRange, true) => {
                        format!("오프셋 {}이(가) 로그 범위 밖이라 (보존 정책으로 삭제됨)", fmt_opt(*from))
                    }
                    (ResetCause::OutOfRange, false) => {
                        format!("offset {} is outside the log (retention deleted it)", fmt_opt(*from))
                    }
                };
                if ko {
                    format!("{group}: {topic}-{partition}에 {why} auto.offset.reset={policy}에 따라 오프셋 {to}부터 읽습니다")
                } else {
                    format!("{group}: for {topic}-{partition} {why}, so auto.offset.reset={policy} starts it at offset {to}")
                }
            }
            EventKind::OffsetOutOfRange {
                group,
                member,
                topic,
                partition,
                offset,
                log_start_offset,
                log_end_offset,
            } => {
                if ko {
                    format!("OFFSET_OUT_OF_RANGE: {group}의 {member}는 {topic}-{partition}의 오프셋 {}을(를) 읽을 수 없습니다 (로그 범위 {log_start_offset}~{log_end_offset}). auto.offset.reset=none이라 자동으로 옮기지 않고 멈춥니다", fmt_opt(*offset))
                } else {
                    format!("OFFSET_OUT_OF_RANGE: {member} of {group} cannot read offset {} of {topic}-{partition} (the log holds {log_start_offset}–{log_end_offset}). With auto.offset.reset=none it stops instead of jumping", fmt_opt(*offset))
                }
            }
            EventKind::OffsetsResetByCommand { group, topic, partition, from, to } => {
                if ko {
                    format!(
                        "--reset-offsets: {group}의 {topic}-{partition} 커밋 오프셋을 {}에서 {to}(으)로 바꿨습니다",
                        fmt_opt(*from)
                    )
                } else {
                    format!(
                        "--reset-offsets: {group}'s committed offset for {topic}-{partition} moved from {} to {to}",
                        fmt_opt(*from)
                    )
                }
            }
            EventKind::SegmentsDeleted {
                topic,
                partition,
                reason,
                segments,
                from_offset,
                to_offset,
                unread_by,
                ..
            } => {
                let unread = if unread_by.is_empty() {
                    String::new()
                } else if ko {
                    format!(" 아직 읽지 않은 그룹: {} — 이 레코드는 그 그룹에 전달되지 않습니다", unread_by.join(", "))
                } else {
                    format!(" Not yet read by: {} — those groups will never see these records", unread_by.join(", "))
                };
                if ko {
                    format!("보존 정책({reason}) 때문에 {topic}-{partition}의 세그먼트 {segments}개(오프셋 {from_offset}~{})를 지웠습니다. 로그 시작 오프셋은 이제 {to_offset}입니다. 읽기는 레코드를 지우지 않고, 보존 정책만 지웁니다.{unread}", to_offset.saturating_sub(1))
                } else {
                    format!("Retention ({reason}) deleted {segments} segment(s) of {topic}-{partition} (offsets {from_offset}–{}); the log start offset is now {to_offset}. Reading never deletes records; only retention does.{unread}", to_offset.saturating_sub(1))
                }
            }
            EventKind::PartitionsAdded { topic, from, to } => {
                if ko {
                    format!("{topic}의 파티션을 {from}개에서 {to}개로 늘렸습니다. 이제부터 키의 해시를 {to}로 나누므로 같은 키가 다른 파티션으로 갈 수 있습니다. 파티션은 줄일 수 없습니다")
                } else {
                    format!("{topic} grew from {from} to {to} partitions. Keys are now hashed modulo {to}, so a key may land in a different partition from now on. Partitions can never be removed")
                }
            }
            EventKind::BrokerCrashed { broker, session_timeout_ms } => {
                if ko {
                    format!("브로커 {broker}가 갑자기 멈췄습니다. 컨트롤러는 broker.session.timeout.ms({session_timeout_ms}ms)가 지나야 알아차리고, 그때 이 브로커가 리더인 파티션의 새 리더를 뽑습니다")
                } else {
                    format!("Broker {broker} crashed. The controller notices after broker.session.timeout.ms ({session_timeout_ms} ms) and only then elects new leaders for the partitions it led")
                }
            }
            EventKind::BrokerFenced { broker } => {
                if ko {
                    format!("컨트롤러가 응답 없는 브로커 {broker}를 차단(fence)하고 ISR에서 뺐습니다")
                } else {
                    format!("The controller fenced unresponsive broker {broker} and removed it from every ISR")
                }
            }
            EventKind::BrokerShutdown { broker } => {
                if ko {
                    format!("브로커 {broker}가 정상 종료(controlled shutdown)했습니다: 먼저 리더 역할을 다른 ISR 복제본에 넘겨서 쓰기가 끊기지 않습니다")
                } else {
                    format!("Broker {broker} shut down cleanly: it handed its leaderships to other in-sync replicas first, so writes were not interrupted")
                }
            }
            EventKind::BrokerRestarted { broker } => {
                if ko {
                    format!("브로커 {broker}가 다시 켜졌습니다: 로그를 복구하고, 리더 에포크로 어긋난 부분을 잘라낸 뒤 따라잡아 ISR에 다시 들어갑니다")
                } else {
                    format!("Broker {broker} restarted: it recovers its log, truncates what diverged (by leader epoch), catches up and rejoins the ISR")
                }
            }
            EventKind::BrokerSlowed { broker, factor } => {
                if ko {
                    format!("브로커 {broker}의 복제(fetch) 간격이 {factor}배로 느려졌습니다")
                } else {
                    format!("Broker {broker} now fetches {factor}× less often")
                }
            }
            EventKind::LeaderElected { topic, partition, leader, previous, epoch, unclean, cause } => {
                let prev = previous.map_or_else(|| "-".to_string(), |p| p.to_string());
                match (ko, *unclean) {
                    (true, false) => format!("{topic}-{partition}: 브로커 {leader}가 새 리더입니다 (이전 {prev}, 리더 에포크 {epoch}, {cause}). ISR 복제본이라 커밋된 레코드는 모두 있습니다"),
                    (true, true) => format!("{topic}-{partition}: 살아 있는 ISR 복제본이 없어 unclean.leader.election.enable=true에 따라 뒤처진 브로커 {leader}가 리더가 되었습니다 (리더 에포크 {epoch}). 이 브로커에 없는 레코드는 사라집니다"),
                    (false, false) => format!("{topic}-{partition}: broker {leader} is the new leader (was {prev}, leader epoch {epoch}, {cause}). It was in sync, so it has every committed record"),
                    (false, true) => format!("{topic}-{partition}: no in-sync replica is alive and unclean.leader.election.enable=true, so out-of-sync broker {leader} became leader (leader epoch {epoch}). Records it never copied are lost"),
                }
            }
            EventKind::PartitionOffline { topic, partition, last_leader } => {
                if ko {
                    format!("{topic}-{partition}이(가) 오프라인입니다: 살아 있는 ISR 복제본이 없고 unclean.leader.election.enable=false라 리더가 없습니다. 쓰기와 읽기가 멈추고 마지막 ISR 복제본(브로커 {last_leader})이 돌아오기를 기다립니다")
                } else {
                    format!("{topic}-{partition} is offline: no in-sync replica is alive and unclean.leader.election.enable=false, so it has no leader. Writes and reads stop until the last in-sync replica (broker {last_leader}) returns")
                }
            }
            EventKind::IsrShrunk { topic, partition, broker, isr, reason } => {
                let isr = join_ids(isr);
                match (ko, *reason) {
                    (true, "fenced") => format!("{topic}-{partition}: 브로커 {broker}가 꺼져서 ISR에서 빠졌습니다. ISR = [{isr}]"),
                    (true, _) => format!("{topic}-{partition}: 브로커 {broker}가 replica.lag.time.max.ms 넘게 따라잡지 못해 ISR에서 빠졌습니다. ISR = [{isr}]"),
                    (false, "fenced") => format!("{topic}-{partition}: broker {broker} is down and left the ISR. ISR = [{isr}]"),
                    (false, _) => format!("{topic}-{partition}: broker {broker} has not caught up for replica.lag.time.max.ms and left the ISR. ISR = [{isr}]"),
                }
            }
            EventKind::IsrExpanded { topic, partition, broker, isr } => {
                let isr = join_ids(isr);
                if ko {
                    format!(
                        "{topic}-{partition}: 브로커 {broker}가 리더를 따라잡아 ISR에 다시 들어왔습니다. ISR = [{isr}]"
                    )
                } else {
                    format!("{topic}-{partition}: broker {broker} caught up with the leader and rejoined the ISR. ISR = [{isr}]")
                }
            }
            EventKind::Truncated { topic, partition, broker, from_offset, to_offset } => {
                if ko {
                    format!("{topic}-{partition}: 브로커 {broker}가 리더와 어긋난 오프셋 {from_offset}~{}를 잘라냈습니다 (리더 에포크 기준)", to_offset.saturating_sub(1))
                } else {
                    format!("{topic}-{partition}: broker {broker} truncated offsets {from_offset}–{} that diverged from the leader (by leader epoch)", to_offset.saturating_sub(1))
                }
            }
            EventKind::DataLost { topic, partition, from_offset, to_offset, acked, acks0, reason } => {
                let n = to_offset - from_offset;
                let why = match (ko, *reason) {
                    (true, "unclean_election") => "뒤처진 복제본이 unclean election으로 리더가 되었기 때문입니다",
                    (true, _) => "리더가 죽기 전에 팔로워가 아직 복사하지 못했기 때문입니다 (acks=1/0은 복제를 기다리지 않습니다)",
                    (false, "unclean_election") => "an out-of-sync replica became leader through an unclean election",
                    (false, _) => "the leader died before followers copied them (acks=1 and acks=0 do not wait for replication)",
                };
                if ko {
                    format!("{topic}-{partition}: 레코드 {n}개(오프셋 {from_offset}~{})가 사라졌습니다. 그중 {acked}개는 프로듀서가 성공 응답을 받은 레코드, {acks0}개는 acks=0으로 보낸 레코드입니다. {why}", to_offset - 1)
                } else {
                    format!("{topic}-{partition}: {n} record(s) lost (offsets {from_offset}–{}); the producer had been told {acked} of them were written, {acks0} were sent with acks=0. Lost because {why}", to_offset - 1)
                }
            }
            EventKind::ProduceError { producer, topic, partition, error, records, retrying } => {
                let what = produce_error_text(error, ko);
                match (ko, *retrying) {
                    (true, true) => format!("{error}: {producer} → {topic}-{partition} 레코드 {records}개: {what}. 다시 시도합니다"),
                    (true, false) => format!("{error}: {producer} → {topic}-{partition} 레코드 {records}개: {what}. delivery.timeout.ms가 지나 포기했습니다"),
                    (false, true) => format!("{error}: {producer} → {topic}-{partition}, {records} record(s): {what}. Retrying"),
                    (false, false) => format!("{error}: {producer} → {topic}-{partition}, {records} record(s): {what}. Giving up after delivery.timeout.ms"),
                }
            }
            EventKind::Duplicated { producer, topic, partition, records } => {
                if ko {
                    format!("{producer}의 재시도로 {topic}-{partition}에 레코드 {records}개가 중복 저장되었습니다: 이전 시도가 실제로는 저장됐는데 응답만 못 받았고, enable.idempotence=false라 브로커가 중복을 거르지 못했습니다")
                } else {
                    format!("A retry by {producer} wrote {records} record(s) to {topic}-{partition} twice: the earlier attempt had been stored but its acknowledgement was lost, and with enable.idempotence=false the broker cannot filter duplicates")
                }
            }
            EventKind::Warning { en, ko: ko_text, .. } => {
                if ko {
                    ko_text.clone()
                } else {
                    en.clone()
                }
            }
            EventKind::Rejected { code, error, ko: ko_text, .. } => {
                if ko {
                    format!("{code}: {ko_text}")
                } else {
                    format!("{code}: {error}")
                }
            }
        }
    }
}

fn produce_error_text(error: &str, ko: bool) -> &'static str {
    match (error, ko) {
        ("NOT_ENOUGH_REPLICAS", false) => "the ISR is smaller than min.insync.replicas, so acks=all writes are refused",
        ("NOT_ENOUGH_REPLICAS", true) => "ISR이 min.insync.replicas보다 작아 acks=all 쓰기를 거부했습니다",
        ("NOT_ENOUGH_REPLICAS_AFTER_APPEND", false) => {
            "the leader wrote the records, but the ISR shrank below min.insync.replicas before they were replicated"
        }
        ("NOT_ENOUGH_REPLICAS_AFTER_APPEND", true) => {
            "리더는 썼지만 복제 전에 ISR이 min.insync.replicas 아래로 줄었습니다"
        }
        ("NOT_LEADER_OR_FOLLOWER", false) => "the leader changed before the write was acknowledged",
        ("NOT_LEADER_OR_FOLLOWER", true) => "확인 응답 전에 리더가 바뀌었습니다",
        ("REQUEST_TIMED_OUT", false) => "no acknowledgement within request.timeout.ms",
        ("REQUEST_TIMED_OUT", true) => "request.timeout.ms 안에 확인 응답이 없었습니다",
        ("NETWORK_EXCEPTION", false) => "the leader's broker is down",
        ("NETWORK_EXCEPTION", true) => "리더 브로커가 꺼져 있습니다",
        ("LEADER_NOT_AVAILABLE", false) => "the partition has no leader",
        ("LEADER_NOT_AVAILABLE", true) => "파티션에 리더가 없습니다",
        (_, false) => "the write failed",
        (_, true) => "쓰기가 실패했습니다",
    }
}

fn join_ids(ids: &[u32]) -> String {
    ids.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(",")
}

fn fmt_opt(v: Option<u64>) -> String {
    v.map_or_else(|| "-".to_string(), |v| v.to_string())
}
