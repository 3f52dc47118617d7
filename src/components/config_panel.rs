//! The configuration panel: the learner edits a *draft* copy of the cluster's
//! configuration, sees every problem next to the field that causes it (the
//! simulator's own `ClusterConfig::validate`, in the current language), sees
//! before applying whether Kafka would take the change live or the scenario has
//! to restart (`reconfigure::plan`), and applies it through `Action::ApplyConfig`.
//!
//! Numbers are typed as text and parsed here, so "abc", "-1" or "1e99" become a
//! message under the field instead of a panic or a silently ignored keystroke.
//! Everything that decides something lives in [`Draft`] and the free functions
//! below, which are tested natively; the component only renders and dispatches.

use crate::components::nodes::el;
use crate::config_draft::*;
use crate::i18n::{strings, Lang, Strings};
use crate::state::Action;
use crate::ui::use_ui;
use kafka_sim::assignor::Strategy;
use kafka_sim::config::{Acks, ClusterConfig, GroupConfig, OffsetReset, ProducerConfig};
use kafka_sim::error::SimError;
use kafka_sim::limits::MAX_BROKERS;
use kafka_sim::partitioner::PartitionerKind;
use kafka_sim::reconfigure;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ConfigPanelProps {
    pub config: ClusterConfig,
}

/// One edit of the draft, run by the reducer on the latest draft.
pub struct Edit(Box<dyn FnOnce(&mut Draft)>);

impl Edit {
    pub fn new(f: impl FnOnce(&mut Draft) + 'static) -> Self {
        Self(Box::new(f))
    }
}

impl Reducible for Draft {
    type Action = Edit;

    fn reduce(self: Rc<Self>, action: Edit) -> Rc<Self> {
        let mut d = (*self).clone();
        (action.0)(&mut d);
        Rc::new(d)
    }
}

// ---------------------------------------------------------------------------
// The component
// ---------------------------------------------------------------------------

fn target_prop(e: &Event, prop: &str) -> JsValue {
    e.target().and_then(|t| js_sys::Reflect::get(&t, &JsValue::from_str(prop)).ok()).unwrap_or(JsValue::UNDEFINED)
}

fn target_value(e: &Event) -> String {
    target_prop(e, "value").as_string().unwrap_or_default()
}

/// What the render helpers share.
struct Ctx<'a> {
    d: &'a Draft,
    dispatch: UseReducerDispatcher<Draft>,
    lang: Lang,
    s: &'static Strings,
    sim_error: Option<&'a SimError>,
    sim_anchor: String,
}

/// One option of a `<select>`: value attribute, text, and the choice it makes.
type Opt = (String, String, Choice);

impl Ctx<'_> {
    /// The message to show under the input with this key: its own parse
    /// error, else the validation error when it points here.
    fn error(&self, key: &str) -> Option<String> {
        if let Some(b) = self.d.bad.get(key) {
            return Some(b.msg.get(self.lang).to_string());
        }
        self.sim_error.filter(|_| self.sim_anchor == key).map(|e| e.message(self.lang))
    }

    fn text_field(&self, f: Field, hint: Option<&str>, inputmode: &'static str) -> Html {
        let key = f.key();
        let id = format!("cfg-{}", slug(&key));
        let (hint_id, err_id) = (format!("{id}-hint"), format!("{id}-error"));
        let err = self.error(&key);
        let described: Vec<&str> =
            [hint.map(|_| hint_id.as_str()), err.as_ref().map(|_| err_id.as_str())].into_iter().flatten().collect();
        let described = (!described.is_empty()).then(|| described.join(" "));
        let dispatch = self.dispatch.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let text = target_value(&e);
            dispatch.dispatch(Edit::new(move |d| d.set_text(f, &text)));
        });
        html! {
            <div class={if err.is_some() { "cfg-field cfg-field--invalid" } else { "cfg-field" }}>
                <label for={id.clone()}>{ f.label(self.s) }</label>
                <input id={id.clone()} class="cfg-input" type="text" {inputmode} autocomplete="off"
                    spellcheck="false" value={self.d.text(f)} {oninput}
                    aria-invalid={err.is_some().then_some("true")}
                    aria-describedby={described}
                    data-testid={format!("config-{}", slug(&key))} />
                if let Some(h) = hint {
                    <p class="cfg-field__hint" id={hint_id}>{ h.to_string() }</p>
                }
                if let Some(e) = err {
                    <p class="cfg-field__error" id={err_id} data-testid={format!("config-{}-error", slug(&key))}>
                        { e }
                    </p>
                }
            </div>
        }
    }

    /// A labelled `<select>`; `extra` is rendered under it (sub-fields of the choice).
    fn select_field(&self, key: &str, label: &str, options: Vec<Opt>, current: &str, extra: Html) -> Html {
        let id = format!("cfg-{}", slug(key));
        let err_id = format!("{id}-error");
        let err = self.error(key);
        let choices: Vec<(String, Choice)> = options.iter().map(|(v, _, c)| (v.clone(), c.clone())).collect();
        let dispatch = self.dispatch.clone();
        let onchange = Callback::from(move |e: Event| {
            let value = target_value(&e);
            if let Some((_, c)) = choices.iter().find(|(v, _)| *v == value) {
                let c = c.clone();
                dispatch.dispatch(Edit::new(move |d| d.choose(c)));
            }
        });
        html! {
            <div class={if err.is_some() { "cfg-field cfg-field--invalid" } else { "cfg-field" }}>
                <label for={id.clone()}>{ label.to_string() }</label>
                <select id={id.clone()} class="cfg-select" {onchange}
                    aria-invalid={err.is_some().then_some("true")}
                    aria-describedby={err.as_ref().map(|_| err_id.clone())}
                    data-testid={format!("config-{}", slug(key))}>
                    { for options.into_iter().map(|(v, text, _)| html! {
                        <option value={v.clone()} selected={v == current}>{ text }</option>
                    }) }
                </select>
                if let Some(e) = err {
                    <p class="cfg-field__error" id={err_id} data-testid={format!("config-{}-error", slug(key))}>
                        { e }
                    </p>
                }
                { extra }
            </div>
        }
    }

    fn row_error(&self, key: &str) -> Html {
        match self.error(key) {
            Some(e) => {
                html! { <p class="cfg-field__error" data-testid={format!("config-{}-error", slug(key))}>{ e }</p> }
            }
            None => html! {},
        }
    }

    fn topic_section(&self) -> Html {
        let s = self.s;
        let Some(t) = self.d.config.topics.first() else {
            return el("p", "cfg-note", s.cfg_no_topic.into());
        };
        let unclean_id = "cfg-topics-0-config-unclean-leader-election-enable";
        let dispatch = self.dispatch.clone();
        let onchange = Callback::from(move |e: Event| {
            let on = target_prop(&e, "checked").as_bool().unwrap_or(false);
            dispatch.dispatch(Edit::new(move |d| d.choose(Choice::Unclean(on))));
        });
        html! {
            <fieldset class="cfg-section">
                <legend>{ format!("{} {}", s.cfg_topic, t.name) }</legend>
                { self.row_error("topics[0]") }
                <div class="cfg-grid">
                    { self.text_field(Field::Partitions, Some(s.cfg_partitions_hint), "numeric") }
                    { self.text_field(Field::ReplicationFactor, Some(s.cfg_rf_hint), "numeric") }
                    { self.text_field(Field::MinIsr, Some(s.cfg_min_isr_hint), "numeric") }
                    { self.text_field(Field::RetentionMs, Some(s.cfg_retention_ms_hint), "numeric") }
                    { self.text_field(Field::RetentionBytes, Some(s.cfg_retention_bytes_hint), "numeric") }
                    <div class="cfg-field cfg-field--check">
                        <div class="cfg-check">
                            <input id={unclean_id} type="checkbox" class="cfg-checkbox" {onchange}
                                checked={t.config.unclean_leader_election_enable}
                                aria-describedby={format!("{unclean_id}-hint")}
                                data-testid="config-topics-0-config-unclean-leader-election-enable" />
                            <label for={unclean_id}>{ "unclean.leader.election.enable" }</label>
                        </div>
                        <p class="cfg-field__hint" id={format!("{unclean_id}-hint")}>{ s.cfg_unclean_hint }</p>
                    </div>
                </div>
            </fieldset>
        }
    }

    fn key_field(&self, i: usize, p: &ProducerConfig) -> Html {
        let s = self.s;
        let mode = KeyMode::of(p);
        let opt = |v: &str, text: &str, m: KeyMode| (v.to_string(), text.to_string(), Choice::KeyMode(i, m));
        let options = vec![
            opt("null", s.cfg_keys_null, KeyMode::Null),
            opt("list", s.cfg_keys_list, KeyMode::List),
            opt("space", s.cfg_keys_space, KeyMode::Space),
        ];
        let current = match mode {
            KeyMode::Null => "null",
            KeyMode::List => "list",
            KeyMode::Space => "space",
        };
        let extra = match mode {
            KeyMode::Null => html! {},
            KeyMode::List => self.text_field(Field::ProducerKeys(i), Some(s.cfg_key_list_hint), "text"),
            KeyMode::Space => self.text_field(Field::ProducerKeySpace(i), Some(s.cfg_key_space_hint), "numeric"),
        };
        self.select_field(&format!("producers[{i}].key_mode"), s.cfg_keys, options, current, extra)
    }

    fn partitioner_field(&self, i: usize, p: &ProducerConfig) -> Html {
        let s = self.s;
        let choice = PartChoice::of(&p.partitioner);
        let opt = |v: &str, text: &str, c: PartChoice| (v.to_string(), text.to_string(), Choice::Partitioner(i, c));
        let mut options = vec![
            opt("default", s.cfg_part_default, PartChoice::Default),
            opt("uniform-sticky", s.cfg_part_uniform, PartChoice::UniformSticky),
            opt("round-robin", s.cfg_part_round_robin, PartChoice::RoundRobin),
            opt("vip", s.cfg_part_vip, PartChoice::Vip),
        ];
        let base_custom = self.d.base.producers.get(i).filter(|b| b.id == p.id).map(|b| PartChoice::of(&b.partitioner));
        if choice == PartChoice::Other || base_custom == Some(PartChoice::Other) {
            options.push(opt("other", s.cfg_part_other, PartChoice::Other));
        }
        let current = match choice {
            PartChoice::Default => "default",
            PartChoice::UniformSticky => "uniform-sticky",
            PartChoice::RoundRobin => "round-robin",
            PartChoice::Vip => "vip",
            PartChoice::Other => "other",
        };
        let extra = match (&p.partitioner, vip_parts(&p.partitioner)) {
            (_, Some((prefix, k))) => {
                let n = self.d.partitions_of(i);
                let rule = s
                    .cfg_vip_rule
                    .replace("{prefix}", &prefix)
                    .replace("{vip}", &fmt_range(0..k))
                    .replace("{rest}", &fmt_range(k..n.max(k)));
                html! {
                    <div class="cfg-sub">
                        { self.text_field(Field::VipPrefix(i), None, "text") }
                        { self.text_field(Field::VipCount(i), None, "numeric") }
                        <p class="cfg-rule" data-testid={format!("config-producers-{i}-rule")}>{ rule }</p>
                    </div>
                }
            }
            (PartitionerKind::Custom(rules), None) => {
                let text = rules
                    .iter()
                    .map(|r| {
                        let parts = r.partitions.iter().map(u32::to_string).collect::<Vec<_>>().join(", ");
                        format!("{} → {parts}", r.key_prefix.as_deref().map_or("*".to_string(), |p| format!("{p}…")))
                    })
                    .collect::<Vec<_>>()
                    .join("; ");
                el("p", "cfg-rule", text.into())
            }
            _ => html! {},
        };
        self.select_field(&format!("producers[{i}].partitioner"), s.cfg_partitioner, options, current, extra)
    }

    fn producer_row(&self, i: usize, p: &ProducerConfig) -> Html {
        let s = self.s;
        let acks = [(Acks::None, s.cfg_acks_0), (Acks::Leader, s.cfg_acks_1), (Acks::All, s.cfg_acks_all)]
            .into_iter()
            .map(|(a, text)| (a.name().to_string(), text.to_string(), Choice::Acks(i, a)))
            .collect();
        let dispatch = self.dispatch.clone();
        let onclick = Callback::from(move |_: MouseEvent| dispatch.dispatch(Edit::new(move |d| d.remove_producer(i))));
        let fields = html! {
            <>
                { self.text_field(Field::ProducerRate(i), None, "decimal") }
                { self.key_field(i, p) }
                { self.partitioner_field(i, p) }
                { self.select_field(&format!("producers[{i}].acks"), "acks", acks, p.acks.name(), html! {}) }
            </>
        };
        self.row(
            "producer",
            &p.id,
            format!("{} {}", s.cfg_producer, p.id),
            format!("producers[{i}]"),
            fields,
            s.cfg_remove_producer,
            onclick,
        )
    }

    fn group_row(&self, i: usize, g: &GroupConfig) -> Html {
        let s = self.s;
        let assignors = Strategy::ALL
            .into_iter()
            .map(|a| (a.name().to_string(), a.name().to_string(), Choice::Assignor(i, a)))
            .collect();
        let resets = [
            (OffsetReset::Earliest, "earliest", s.cfg_reset_earliest),
            (OffsetReset::Latest, "latest", s.cfg_reset_latest),
            (OffsetReset::None, "none", s.cfg_reset_none),
        ];
        let current_reset = resets.iter().find(|r| r.0 == g.auto_offset_reset).map_or("latest", |r| r.1);
        let resets = resets
            .into_iter()
            .map(|(r, v, text)| (v.to_string(), text.to_string(), Choice::OffsetReset(i, r)))
            .collect();
        let dispatch = self.dispatch.clone();
        let onclick = Callback::from(move |_: MouseEvent| dispatch.dispatch(Edit::new(move |d| d.remove_group(i))));
        let fields = html! {
            <>
                { self.text_field(Field::GroupMembers(i), None, "numeric") }
                { self.select_field(&format!("groups[{i}].assignor"), s.cfg_assignor, assignors, g.assignor.name(), html! {}) }
                { self.select_field(&format!("groups[{i}].auto_offset_reset"), "auto.offset.reset", resets, current_reset, html! {}) }
                { self.text_field(Field::GroupRate(i), None, "decimal") }
            </>
        };
        self.row(
            "group",
            &g.id,
            format!("{} {}", s.cfg_group, g.id),
            format!("groups[{i}]"),
            fields,
            s.cfg_remove_group,
            onclick,
        )
    }

    /// One producer's or group's fieldset (`kind` is "producer" or "group"):
    /// legend, the row's error, its fields, and its remove button.
    #[inline(never)]
    #[allow(clippy::too_many_arguments)]
    fn row(
        &self,
        kind: &'static str,
        id: &str,
        legend: String,
        path: String,
        fields: Html,
        remove_label: &str,
        onclick: Callback<MouseEvent>,
    ) -> Html {
        html! {
            <fieldset class="cfg-row" key={id.to_string()} data-testid={format!("config-{kind}-{id}")}>
                <legend>{ legend }</legend>
                { self.row_error(&path) }
                <div class="cfg-grid">{ fields }</div>
                <button type="button" class="cfg-btn cfg-btn--remove" {onclick}
                    aria-label={remove_label.replace("{id}", id)}
                    data-testid={format!("config-remove-{kind}-{id}")}>
                    { self.s.cfg_remove }
                </button>
            </fieldset>
        }
    }

    fn producers_section(&self) -> Html {
        let s = self.s;
        let rows = &self.d.config.producers;
        let add = {
            let dispatch = self.dispatch.clone();
            Callback::from(move |_: MouseEvent| dispatch.dispatch(Edit::new(Draft::add_producer)))
        };
        let list = html! { <>{ for rows.iter().enumerate().map(|(i, p)| self.producer_row(i, p)) }</> };
        section(s, s.cfg_producers, rows.len(), list, add, "config-add-producer", s.cfg_add_producer)
    }

    fn groups_section(&self) -> Html {
        let s = self.s;
        let rows = &self.d.config.groups;
        let add = {
            let dispatch = self.dispatch.clone();
            Callback::from(move |_: MouseEvent| dispatch.dispatch(Edit::new(Draft::add_group)))
        };
        let list = html! { <>{ for rows.iter().enumerate().map(|(i, g)| self.group_row(i, g)) }</> };
        section(s, s.cfg_groups, rows.len(), list, add, "config-add-group", s.cfg_add_group)
    }
}

/// The producers' or groups' fieldset: its `n` rows and the add button.
#[inline(never)]
fn section(
    s: &Strings,
    title: &'static str,
    n: usize,
    rows: Html,
    add: Callback<MouseEvent>,
    add_testid: &'static str,
    add_label: &'static str,
) -> Html {
    html! {
        <fieldset class="cfg-section">
            <legend>{ format!("{title} ({n})") }</legend>
            if n == 0 {
                { el("p", "cfg-note", s.cfg_none.into()) }
            }
            <div class="cfg-rows">{ rows }</div>
            <button type="button" class="cfg-btn" onclick={add} disabled={n >= MAX_ROWS}
                data-testid={add_testid}>{ add_label }</button>
        </fieldset>
    }
}

#[component]
pub fn ConfigPanel(props: &ConfigPanelProps) -> Html {
    let draft = use_reducer_eq(|| Draft::new(props.config.clone()));
    {
        // A new configuration from outside (applied, preset, seed): start over from it.
        let dispatcher = draft.dispatcher();
        use_effect_with(props.config.clone(), move |config| {
            let config = config.clone();
            dispatcher.dispatch(Edit::new(move |d| {
                if d.base != config {
                    d.reset(config);
                }
            }));
        });
    }
    let ui = use_ui();
    let lang = ui.lang;
    let s = strings(lang);
    let d: &Draft = &draft;
    let sim_error = d.config.validate().err();
    let ctx = Ctx {
        d,
        dispatch: draft.dispatcher(),
        lang,
        s,
        sim_error: sim_error.as_ref(),
        sim_anchor: sim_error.as_ref().map(|e| error_anchor(&e.field.to_string())).unwrap_or_default(),
    };
    let problem = d.problem(lang);
    let valid = problem.is_none();
    let changed = d.config != props.config;
    let plan = reconfigure::plan(&props.config, &d.config);

    let onsubmit = {
        let on_apply = ui.reform(Action::ApplyConfig);
        let config = d.config.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if valid {
                on_apply.emit(config.clone());
            }
        })
    };
    let discard = {
        let dispatch = draft.dispatcher();
        let base = props.config.clone();
        Callback::from(move |_: MouseEvent| {
            let base = base.clone();
            dispatch.dispatch(Edit::new(move |d| d.reset(base)));
        })
    };

    let plan_html = if !changed {
        el("p", "", s.cfg_plan_unchanged.into())
    } else if plan.needs_restart() {
        html! {
            <>
                { el("p", "cfg-plan__head", s.cfg_plan_restart.into()) }
                <ul>
                    { for plan.restart.iter().map(|&field| html! {
                        <li>
                            if let Some(m) = restart_reason(field, &d.config) { { m.get(lang).to_string() }{ " " } }
                            <code>{ field.to_string() }</code>
                        </li>
                    }) }
                </ul>
            </>
        }
    } else {
        html! {
            <>
                { el("p", "cfg-plan__head", s.cfg_plan_live.into()) }
                <ul>
                    { for plan.live.iter().filter_map(describe_command).map(|m| el("li", "", m.get(lang).to_string().into())) }
                </ul>
            </>
        }
    };
    let plan_class = match (changed, plan.needs_restart()) {
        (false, _) => "cfg-plan--unchanged",
        (true, true) => "cfg-plan--restart",
        (true, false) => "cfg-plan--live",
    };

    html! {
        <form class="config-panel" data-testid="config-panel" {onsubmit} lang={lang.code()}>
            <div class="config-panel__body" key={d.generation.to_string()}>
                { el("p", "cfg-intro", s.cfg_intro.into()) }
                <fieldset class="cfg-section">
                    <legend>{ s.cfg_cluster }</legend>
                    <div class="cfg-grid">
                        { ctx.text_field(Field::Brokers, Some(&s.cfg_brokers_hint.replace("{n}", &MAX_BROKERS.to_string())), "numeric") }
                    </div>
                </fieldset>
                { ctx.topic_section() }
                { ctx.producers_section() }
                { ctx.groups_section() }
            </div>
            <div class="cfg-footer">
                <div class={classes!("cfg-plan", plan_class)} data-testid="config-plan"
                    data-restart={(changed && plan.needs_restart()).to_string()} aria-live="polite">
                    { plan_html }
                </div>
                if let Some(p) = problem {
                    <p class="cfg-summary" role="alert" data-testid="config-error">{ p }</p>
                }
                <div class="cfg-actions">
                    <button type="button" class="cfg-btn" onclick={discard} disabled={d.config == d.base && d.bad.is_empty()}
                        data-testid="config-discard">{ s.cfg_discard }</button>
                    <button type="submit" class="cfg-btn cfg-btn--primary" disabled={!valid}
                        data-testid="config-apply">{ s.cfg_apply }</button>
                </div>
            </div>
        </form>
    }
}
