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

use crate::components::nodes::{el, list, target_prop, target_value};
use crate::config_draft::*;
use crate::i18n::{strings, Lang, Strings};
use crate::state::{Action, ScenarioBox};
use crate::ui::{use_ui, Ui};
use kafka_sim::assignor::Strategy;
use kafka_sim::config::{Acks, ClusterConfig, GroupConfig, OffsetReset, ProducerConfig};
use kafka_sim::error::SimError;
use kafka_sim::limits::MAX_BROKERS;
use kafka_sim::partitioner::PartitionerKind;
use kafka_sim::reconfigure;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ConfigPanelProps {
    /// The running configuration, shared with the app state (compared by value).
    pub config: Rc<ClusterConfig>,
    /// The scenario export / import box.
    pub scenario: Rc<ScenarioBox>,
}

/// One edit of the draft, run by the reducer on the latest draft. Data rather
/// than a boxed closure: one `reduce` match instead of a closure body, vtable
/// and drop glue per kind of edit in the wasm.
#[derive(Clone)]
pub enum Edit {
    Text(Field, String),
    Choose(Choice),
    AddProducer,
    RemoveProducer(usize),
    AddGroup,
    RemoveGroup(usize),
    /// Drop every edit and start over from this configuration (discard).
    Reset(ClusterConfig),
    /// A new configuration from outside (applied, preset, seed): start over
    /// from it unless the draft already started from it.
    Rebase(ClusterConfig),
}

impl Reducible for Draft {
    type Action = Edit;

    fn reduce(self: Rc<Self>, action: Edit) -> Rc<Self> {
        // The same `Rc` back: no re-render (`use_reducer` compares addresses;
        // `use_reducer_eq` would compare whole drafts, more code in the wasm).
        if matches!(&action, Edit::Rebase(c) if *c == self.base) {
            return self;
        }
        let mut d = (*self).clone();
        match action {
            Edit::Text(f, text) => d.set_text(f, &text),
            Edit::Choose(c) => d.choose(c),
            Edit::AddProducer => d.add_producer(),
            Edit::RemoveProducer(i) => d.remove_producer(i),
            Edit::AddGroup => d.add_group(),
            Edit::RemoveGroup(i) => d.remove_group(i),
            Edit::Reset(c) | Edit::Rebase(c) => d.reset(c),
        }
        Rc::new(d)
    }
}

// ---------------------------------------------------------------------------
// The component
// ---------------------------------------------------------------------------

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
type Opt = (&'static str, &'static str, Choice);

/// `<p class="cfg-field__error" id=… data-testid="config-{slug}-error">`: a
/// field's or a row's error message (a row's has no id).
#[inline(never)]
fn error_p(id: Option<String>, slug: &str, text: String) -> Html {
    html! { <p class="cfg-field__error" {id} data-testid={format!("config-{slug}-error")}>{ text }</p> }
}

/// A button of the form; `ty` is its `type`, `aria_label` and `onclick` are
/// left out when `None`.
#[inline(never)]
fn button(
    ty: &'static str,
    class: &'static str,
    testid: AttrValue,
    aria_label: Option<String>,
    disabled: bool,
    onclick: Option<Callback<MouseEvent>>,
    text: &'static str,
) -> Html {
    html! {
        <button type={ty} class={class} {onclick} aria-label={aria_label} data-testid={testid} {disabled}>
            { text }
        </button>
    }
}

impl Ctx<'_> {
    /// The message to show under the input with this key: its own parse
    /// error, else the validation error when it points here.
    fn error(&self, key: &str) -> Option<String> {
        if let Some(b) = self.d.bad.get(key) {
            return Some(b.msg.get(self.lang).to_string());
        }
        self.sim_error.filter(|_| self.sim_anchor == key).map(|e| e.message(self.lang))
    }

    /// A click that makes one edit (one closure type for every button).
    #[inline(never)]
    fn on_click(&self, edit: Edit) -> Callback<MouseEvent> {
        let dispatch = self.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(edit.clone()))
    }

    /// A field's box: label, control, hint, error message, then `extra`
    /// (sub-fields of a choice). `id` is the control's; the hint and error
    /// are `{id}-hint` and `{id}-error`, as the control's aria-describedby says.
    #[inline(never)]
    #[allow(clippy::too_many_arguments)]
    fn field_box(
        &self,
        id: &str,
        slug: &str,
        label: &str,
        control: Html,
        hint: Option<&str>,
        err: Option<String>,
        extra: Html,
    ) -> Html {
        let class = if err.is_some() { "cfg-field cfg-field--invalid" } else { "cfg-field" };
        html! {
            <div class={class}>
                <label for={id.to_string()}>{ label.to_string() }</label>
                { control }
                if let Some(h) = hint {
                    <p class="cfg-field__hint" id={format!("{id}-hint")}>{ h.to_string() }</p>
                }
                if let Some(e) = err {
                    { error_p(Some(format!("{id}-error")), slug, e) }
                }
                { extra }
            </div>
        }
    }

    /// The ids a control's aria-describedby lists: its hint's and its error's.
    fn described_by(id: &str, hint: bool, err: bool) -> Option<String> {
        match (hint, err) {
            (false, false) => None,
            (true, false) => Some(format!("{id}-hint")),
            (false, true) => Some(format!("{id}-error")),
            (true, true) => Some(format!("{id}-hint {id}-error")),
        }
    }

    #[inline(never)]
    fn text_field(&self, f: Field, hint: Option<&str>, inputmode: &'static str) -> Html {
        let key = f.key();
        let slug = slug(&key);
        let id = format!("cfg-{slug}");
        let err = self.error(&key);
        let dispatch = self.dispatch.clone();
        let oninput = Callback::from(move |e: InputEvent| dispatch.dispatch(Edit::Text(f, target_value(&e))));
        let input = html! {
            <input id={id.clone()} class="cfg-input" type="text" {inputmode} autocomplete="off"
                spellcheck="false" value={self.d.text(f)} {oninput}
                aria-invalid={err.is_some().then_some("true")}
                aria-describedby={Self::described_by(&id, hint.is_some(), err.is_some())}
                data-testid={format!("config-{slug}")} />
        };
        self.field_box(&id, &slug, f.label(self.s), input, hint, err, Html::default())
    }

    /// A labelled `<select>`; `extra` is rendered under it (sub-fields of the choice).
    #[inline(never)]
    fn select_field(&self, key: &str, label: &str, options: &[Opt], current: &str, extra: Html) -> Html {
        let slug = slug(key);
        let id = format!("cfg-{slug}");
        let err = self.error(key);
        let choices = options.to_vec();
        let dispatch = self.dispatch.clone();
        let onchange = Callback::from(move |e: Event| {
            let value = target_value(&e);
            if let Some((_, _, c)) = choices.iter().find(|(v, ..)| *v == value) {
                dispatch.dispatch(Edit::Choose(c.clone()));
            }
        });
        let select = html! {
            <select id={id.clone()} class="cfg-select" {onchange}
                aria-invalid={err.is_some().then_some("true")}
                aria-describedby={Self::described_by(&id, false, err.is_some())}
                data-testid={format!("config-{slug}")}>
                { list(options.len(), &|i| {
                    let (v, text, _) = options[i];
                    html! { <option value={v} selected={v == current}>{ text }</option> }
                }) }
            </select>
        };
        self.field_box(&id, &slug, label, select, None, err, extra)
    }

    fn row_error(&self, key: &str) -> Html {
        match self.error(key) {
            Some(e) => error_p(None, &slug(key), e),
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
            dispatch.dispatch(Edit::Choose(Choice::Unclean(on)));
        });
        let fields = [
            (Field::Partitions, s.cfg_partitions_hint),
            (Field::ReplicationFactor, s.cfg_rf_hint),
            (Field::MinIsr, s.cfg_min_isr_hint),
            (Field::RetentionMs, s.cfg_retention_ms_hint),
            (Field::RetentionBytes, s.cfg_retention_bytes_hint),
            (Field::SegmentBytes, s.cfg_segment_bytes_hint),
            (Field::SegmentMs, s.cfg_segment_ms_hint),
        ];
        html! {
            <fieldset class="cfg-section">
                <legend>{ format!("{} {}", s.cfg_topic, t.name) }</legend>
                { self.row_error("topics[0]") }
                <div class="cfg-grid">
                    { list(fields.len(), &|i| self.text_field(fields[i].0, Some(fields[i].1), "numeric")) }
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
                <p class="cfg-note" data-testid="config-retention-why">{ s.cfg_retention_why }</p>
            </fieldset>
        }
    }

    fn key_field(&self, i: usize, p: &ProducerConfig) -> Html {
        let s = self.s;
        let mode = KeyMode::of(p);
        // Option arrays written out rather than mapped and collected: a
        // `collect` per site is its own copy of the iterator code.
        let options = [
            ("null", s.cfg_keys_null, Choice::KeyMode(i, KeyMode::Null)),
            ("list", s.cfg_keys_list, Choice::KeyMode(i, KeyMode::List)),
            ("space", s.cfg_keys_space, Choice::KeyMode(i, KeyMode::Space)),
        ];
        let current = options.iter().find(|o| o.2 == Choice::KeyMode(i, mode)).map_or("null", |o| o.0);
        let extra = match mode {
            KeyMode::Null => html! {},
            KeyMode::List => self.text_field(Field::ProducerKeys(i), Some(s.cfg_key_list_hint), "text"),
            KeyMode::Space => self.text_field(Field::ProducerKeySpace(i), Some(s.cfg_key_space_hint), "numeric"),
        };
        self.select_field(&format!("producers[{i}].key_mode"), s.cfg_keys, &options, current, extra)
    }

    fn partitioner_field(&self, i: usize, p: &ProducerConfig) -> Html {
        let s = self.s;
        let choice = PartChoice::of(&p.partitioner);
        let base_custom = self.d.base.producers.get(i).filter(|b| b.id == p.id).map(|b| PartChoice::of(&b.partitioner));
        // "other" only for a custom partitioner the panel cannot edit (from a scenario file).
        let shown = if choice == PartChoice::Other || base_custom == Some(PartChoice::Other) { 5 } else { 4 };
        let options = [
            ("default", s.cfg_part_default, Choice::Partitioner(i, PartChoice::Default)),
            ("uniform-sticky", s.cfg_part_uniform, Choice::Partitioner(i, PartChoice::UniformSticky)),
            ("round-robin", s.cfg_part_round_robin, Choice::Partitioner(i, PartChoice::RoundRobin)),
            ("vip", s.cfg_part_vip, Choice::Partitioner(i, PartChoice::Vip)),
            ("other", s.cfg_part_other, Choice::Partitioner(i, PartChoice::Other)),
        ];
        let current = options.iter().find(|o| o.2 == Choice::Partitioner(i, choice)).map_or("default", |o| o.0);
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
        self.select_field(&format!("producers[{i}].partitioner"), s.cfg_partitioner, &options[..shown], current, extra)
    }

    fn producer_row(&self, i: usize, p: &ProducerConfig) -> Html {
        let s = self.s;
        let acks = [
            (Acks::None.name(), s.cfg_acks_0, Choice::Acks(i, Acks::None)),
            (Acks::Leader.name(), s.cfg_acks_1, Choice::Acks(i, Acks::Leader)),
            (Acks::All.name(), s.cfg_acks_all, Choice::Acks(i, Acks::All)),
        ];
        let fields = html! {
            <>
                { self.text_field(Field::ProducerRate(i), None, "decimal") }
                { self.key_field(i, p) }
                { self.partitioner_field(i, p) }
                { self.select_field(&format!("producers[{i}].acks"), "acks", &acks, p.acks.name(), html! {}) }
            </>
        };
        self.row(
            "producer",
            &p.id,
            format!("{} {}", s.cfg_producer, p.id),
            format!("producers[{i}]"),
            fields,
            s.cfg_remove_producer,
            Edit::RemoveProducer(i),
        )
    }

    fn group_row(&self, i: usize, g: &GroupConfig) -> Html {
        let s = self.s;
        let assignors = Strategy::ALL.map(|a| (a.name(), a.name(), Choice::Assignor(i, a)));
        let resets = [
            ("earliest", s.cfg_reset_earliest, Choice::OffsetReset(i, OffsetReset::Earliest)),
            ("latest", s.cfg_reset_latest, Choice::OffsetReset(i, OffsetReset::Latest)),
            ("none", s.cfg_reset_none, Choice::OffsetReset(i, OffsetReset::None)),
        ];
        let current_reset =
            resets.iter().find(|r| r.2 == Choice::OffsetReset(i, g.auto_offset_reset)).map_or("latest", |r| r.0);
        let fields = html! {
            <>
                { self.text_field(Field::GroupMembers(i), None, "numeric") }
                { self.select_field(&format!("groups[{i}].assignor"), s.cfg_assignor, &assignors, g.assignor.name(), html! {}) }
                { self.select_field(&format!("groups[{i}].auto_offset_reset"), "auto.offset.reset", &resets, current_reset, html! {}) }
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
            Edit::RemoveGroup(i),
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
        remove: Edit,
    ) -> Html {
        html! {
            <fieldset class="cfg-row" key={id.to_string()} data-testid={format!("config-{kind}-{id}")}>
                <legend>{ legend }</legend>
                { self.row_error(&path) }
                <div class="cfg-grid">{ fields }</div>
                { button("button", "cfg-btn cfg-btn--remove", format!("config-remove-{kind}-{id}").into(),
                    Some(remove_label.replace("{id}", id)), false, Some(self.on_click(remove)), self.s.cfg_remove) }
            </fieldset>
        }
    }

    fn producers_section(&self) -> Html {
        let s = self.s;
        let rows = &self.d.config.producers;
        let list = list(rows.len(), &|i| self.producer_row(i, &rows[i]));
        self.section(s.cfg_producers, rows.len(), list, Edit::AddProducer, "config-add-producer", s.cfg_add_producer)
    }

    fn groups_section(&self) -> Html {
        let s = self.s;
        let rows = &self.d.config.groups;
        let list = list(rows.len(), &|i| self.group_row(i, &rows[i]));
        self.section(s.cfg_groups, rows.len(), list, Edit::AddGroup, "config-add-group", s.cfg_add_group)
    }

    /// The producers' or groups' fieldset: its `n` rows and the add button.
    #[inline(never)]
    fn section(
        &self,
        title: &'static str,
        n: usize,
        rows: Html,
        add: Edit,
        add_testid: &'static str,
        add_label: &'static str,
    ) -> Html {
        html! {
            <fieldset class="cfg-section">
                <legend>{ format!("{title} ({n})") }</legend>
                if n == 0 {
                    { el("p", "cfg-note", self.s.cfg_none.into()) }
                }
                <div class="cfg-rows">{ rows }</div>
                { button("button", "cfg-btn", add_testid.into(), None, n >= MAX_ROWS, Some(self.on_click(add)), add_label) }
            </fieldset>
        }
    }
}

/// A JS property of a DOM value (`value`, `files`), `undefined` if none.
fn js_prop(target: &wasm_bindgen::JsValue, prop: &str) -> wasm_bindgen::JsValue {
    js_sys::Reflect::get(target, &prop.into()).unwrap_or(wasm_bindgen::JsValue::UNDEFINED)
}

/// Reads the file an `<input type="file">` picked (`File.text()`) and imports
/// it; picking nothing does nothing.
fn import_file(e: Event, ui: Ui) {
    use wasm_bindgen::{JsCast, JsValue};
    let Some(input) = e.target() else { return };
    let file = js_sys::Reflect::get(&js_prop(&input, "files"), &JsValue::from(0)).unwrap_or(JsValue::UNDEFINED);
    let Some(text) = js_prop(&file, "text").dyn_ref::<js_sys::Function>().and_then(|f| f.call0(&file).ok()) else {
        return;
    };
    let done = wasm_bindgen::closure::Closure::once_into_js(move |text: JsValue| {
        ui.send(Action::ImportScenario(text.as_string().unwrap_or_default()));
    });
    if let Some(then) = js_prop(&text, "then").dyn_ref::<js_sys::Function>() {
        let _ = then.call1(&text, &done);
    }
    // Picking the same file again is a change too.
    let _ = js_sys::Reflect::set(&input, &"value".into(), &"".into());
}

/// The scenario box: export this run as a `kafka-sim run` scenario (into the
/// textarea, and as a download), import one pasted there or from a file.
fn scenario_section(sb: &ScenarioBox, s: &'static Strings, lang: Lang, ui: &Ui, area: &NodeRef) -> Html {
    let export = ui.reform(|_: MouseEvent| Action::ExportScenario);
    let import = {
        let (ui, area) = (ui.clone(), area.clone());
        Callback::from(move |_: MouseEvent| {
            let text = area.get().map(|n| js_prop(&n, "value").as_string().unwrap_or_default());
            ui.send(Action::ImportScenario(text.unwrap_or_default()));
        })
    };
    let on_file = {
        let ui = ui.clone();
        Callback::from(move |e: Event| import_file(e, ui.clone()))
    };
    let download = sb.exported.then(|| {
        let data = String::from(js_sys::encode_uri_component(&sb.json));
        format!("data:application/json;charset=utf-8,{data}")
    });
    let err = sb.error.as_ref().map(|m| m.get(lang).to_string());
    html! {
        <fieldset class="cfg-section" data-testid="config-scenario">
            <legend>{ s.cfg_scenario }</legend>
            <p class="cfg-field__hint" id="cfg-scenario-hint">{ s.cfg_scenario_hint }</p>
            <div class="cfg-field">
                <label for="cfg-scenario-json">{ s.cfg_scenario_json }</label>
                <textarea id="cfg-scenario-json" class="cfg-input cfg-textarea" key={sb.generation.to_string()}
                    ref={area.clone()} value={sb.json.clone()} rows="8" spellcheck="false" autocomplete="off"
                    aria-invalid={err.is_some().then_some("true")}
                    aria-describedby={Ctx::described_by("cfg-scenario", true, err.is_some())}
                    data-testid="scenario-json" />
                if let Some(e) = err {
                    <p class="cfg-field__error" id="cfg-scenario-error" role="alert" data-testid="scenario-error">{ e }</p>
                }
            </div>
            <div class="cfg-actions cfg-actions--start">
                { button("button", "cfg-btn", "export-scenario".into(), None, false, Some(export), s.cfg_export) }
                { button("button", "cfg-btn", "import-scenario".into(), None, false, Some(import), s.cfg_import) }
                if let Some(href) = download {
                    <a class="cfg-btn" {href} download="scenario.json" data-testid="download-scenario">{ s.cfg_download }</a>
                }
                <label class="cfg-btn cfg-file">
                    { s.cfg_scenario_file }
                    <input type="file" accept=".json,application/json" onchange={on_file} data-testid="scenario-file" />
                </label>
            </div>
        </fieldset>
    }
}

#[component]
pub fn ConfigPanel(props: &ConfigPanelProps) -> Html {
    let draft = use_reducer(|| Draft::new((*props.config).clone()));
    {
        // A new configuration from outside (applied, preset, seed): start over from it.
        let dispatcher = draft.dispatcher();
        use_effect_with(props.config.clone(), move |config| dispatcher.dispatch(Edit::Rebase((**config).clone())));
    }
    let ui = use_ui();
    let area = use_node_ref();
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
    let changed = d.config != *props.config;
    let plan = reconfigure::plan(&props.config, &d.config);

    let onsubmit = {
        let ui = ui.clone();
        let config = d.config.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if valid {
                ui.send(Action::ApplyConfig(config.clone()));
            }
        })
    };

    let plan_html = if !changed {
        el("p", "", s.cfg_plan_unchanged.into())
    } else {
        let (head, items) = if plan.needs_restart() {
            let items = list(plan.restart.len(), &|i| {
                let field = plan.restart[i];
                html! {
                    <li>
                        if let Some(m) = restart_reason(field, &d.config) { { m.get(lang).to_string() }{ " " } }
                        <code>{ field.to_string() }</code>
                    </li>
                }
            });
            (s.cfg_plan_restart, items)
        } else {
            let items = list(plan.live.len(), &|i| {
                // Commands the panel does not describe show nothing (an empty list).
                describe_command(&plan.live[i])
                    .map_or_else(Html::default, |m| el("li", "", m.get(lang).to_string().into()))
            });
            (s.cfg_plan_live, items)
        };
        html! { <>{ el("p", "cfg-plan__head", head.into()) }{ el("ul", "", items) }</> }
    };
    // Whole class strings: `classes!` would build a `Classes` set at run time.
    let plan_class = match (changed, plan.needs_restart()) {
        (false, _) => "cfg-plan cfg-plan--unchanged",
        (true, true) => "cfg-plan cfg-plan--restart",
        (true, false) => "cfg-plan cfg-plan--live",
    };

    html! {
        <form class="config-panel" data-testid="config-panel" {onsubmit} lang={lang.code()}>
            <div class="config-panel__body" key={d.generation.to_string()}>
                { el("p", "cfg-intro", s.cfg_intro.into()) }
                <fieldset class="cfg-section">
                    <legend>{ s.cfg_cluster }</legend>
                    <div class="cfg-grid">
                        { ctx.text_field(Field::Brokers, Some(&s.cfg_brokers_hint.replace("{n}", &MAX_BROKERS.to_string())), "numeric") }
                        { ctx.text_field(Field::DiskBytes, Some(s.cfg_disk_bytes_hint), "numeric") }
                    </div>
                </fieldset>
                { ctx.topic_section() }
                { ctx.producers_section() }
                { ctx.groups_section() }
                { scenario_section(&props.scenario, s, lang, &ui, &area) }
            </div>
            <div class="cfg-footer">
                <div class={plan_class} data-testid="config-plan"
                    data-restart={(changed && plan.needs_restart()).to_string()} aria-live="polite">
                    { plan_html }
                </div>
                if let Some(p) = problem {
                    <p class="cfg-summary" role="alert" data-testid="config-error">{ p }</p>
                }
                <div class="cfg-actions">
                    { button("button", "cfg-btn", "config-discard".into(), None, d.config == d.base && d.bad.is_empty(),
                        Some(ctx.on_click(Edit::Reset((*props.config).clone()))), s.cfg_discard) }
                    { button("submit", "cfg-btn cfg-btn--primary", "config-apply".into(), None, !valid, None, s.cfg_apply) }
                </div>
            </div>
        </form>
    }
}
