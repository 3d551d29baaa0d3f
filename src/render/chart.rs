//! The structure chart: the partnership's groups, laid out from `[[groups]]` and drawn as SVG,
//! with the same structure as a nested list for readers who do not see the picture.
//!
//! A group reports to at most one other group, so the reporting lines form a forest. The
//! layout is the layered (Sugiyama) scheme specialised to trees: each group's layer is its
//! depth below the group it ultimately reports to; the order within a layer is the depth-first
//! order of the tree, which for a forest gives no crossing lines at all (the crossing
//! minimisation a general layered layout needs by heuristics is exact here); and each parent is
//! centred over its children. Reporting lines that would close a circle are left out (the
//! chart cannot draw a circle as a hierarchy), and said so in the text.
//!
//! Trees are then packed in rows of at most [`MAX_SLOTS`] boxes, in bands: this partnership's
//! own groups, the pan-area groups shared with neighbours, and groups the document attributes
//! to another partnership. Each band has a text heading, and each box says its scope in words,
//! so nothing is conveyed by border style or colour alone.

use std::collections::HashMap;

use serde::Serialize;

use super::escape::xml;

/// One group in the chart.
#[derive(Debug, Clone, Serialize)]
pub struct Node {
    /// The group's name as published.
    pub name: String,
    /// Who chairs it, by display name.
    pub chair: Option<String>,
    /// How often it meets, in words ("Meets 4 times a year").
    pub meets: Option<String>,
    /// Its scope in words ("Pan-area group"), when the file says.
    pub scope: Option<String>,
    /// Its vice-chair, by display name (in the list only: the boxes stay small).
    pub vice_chair: Option<String>,
    /// Its purpose, in the document's words (in the list only).
    pub purpose: Option<String>,
    /// Its members, by display name (in the list only).
    pub members: Vec<String>,
    /// The groups that report to it (indexes into [`Chart::nodes`]).
    #[serde(skip)]
    pub children: Vec<usize>,
    /// Which band it is drawn in.
    #[serde(skip)]
    pub band: Band,
}

/// The bands of the chart, in the order drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Band {
    /// This partnership's own groups (and groups whose scope is not stated).
    Own,
    /// Groups shared with neighbouring partnerships.
    PanArea,
    /// Groups the document attributes to another partnership: one band per partnership, in
    /// the order the document first names them.
    Other(u16),
}

/// The groups and their reporting lines.
#[derive(Debug, Clone, Default)]
pub struct Chart {
    /// Every group, in document order.
    pub nodes: Vec<Node>,
    /// Groups that report to no other group in the chart, in document order.
    pub roots: Vec<usize>,
    /// Band headings, by band.
    pub band_titles: Vec<(Band, String)>,
    /// Reporting lines left out because they would close a circle: (group, the group it names).
    pub circular: Vec<(String, String)>,
}

/// One group as the chart's builder receives it.
pub struct GroupInput {
    /// Its id (only to resolve reporting lines; never shown).
    pub id: String,
    /// The id of the group it reports to, if any.
    pub reports_to: Option<String>,
    /// What is shown.
    pub node: Node,
}

impl Chart {
    /// Builds the forest from the groups in document order. A reporting line to a group not in
    /// the list is dropped (the model stage reports the unknown reference).
    pub fn build(groups: Vec<GroupInput>, band_titles: Vec<(Band, String)>) -> Chart {
        let position: HashMap<String, usize> = groups
            .iter()
            .enumerate()
            .map(|(i, g)| (g.id.clone(), i))
            .collect();
        let mut parent: Vec<Option<usize>> = vec![None; groups.len()];
        let mut circular = Vec::new();
        for (i, g) in groups.iter().enumerate() {
            let Some(p) = g.reports_to.as_ref().and_then(|r| position.get(r)).copied() else {
                continue;
            };
            // Follow the lines accepted so far up from `p`: reaching `i` would close a circle.
            let mut at = Some(p);
            let mut steps = 0;
            while let Some(a) = at {
                if a == i || steps > groups.len() {
                    break;
                }
                at = parent[a];
                steps += 1;
            }
            if at == Some(i) {
                circular.push((g.node.name.clone(), groups[p].node.name.clone()));
            } else {
                parent[i] = Some(p);
            }
        }
        let mut nodes: Vec<Node> = groups.into_iter().map(|g| g.node).collect();
        let mut roots = Vec::new();
        for (i, p) in parent.iter().enumerate() {
            match p {
                Some(p) => nodes[*p].children.push(i),
                None => roots.push(i),
            }
        }
        // Bands in order; document order within each.
        roots.sort_by_key(|&r| (nodes[r].band, r));
        Chart {
            nodes,
            roots,
            band_titles,
            circular,
        }
    }

    /// Whether there is anything to draw.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// Whether any group reports to another.
    pub fn has_lines(&self) -> bool {
        self.nodes.iter().any(|n| !n.children.is_empty())
    }
}

/// The widest a row of boxes may be, in boxes: wider charts become too small to read on a
/// page (A4 portrait holds four boxes at a readable size).
pub const MAX_SLOTS: usize = 4;
const BOX_WIDTH: f64 = 240.0;
const GAP_X: f64 = 24.0;
const GAP_Y: f64 = 40.0;
const LINE: f64 = 18.0;
const PAD: f64 = 10.0;
const BAND_TITLE: f64 = 34.0;
/// Characters per line of a box at the chart's font size (a conservative average width, so
/// text stays inside the box in the fonts browsers substitute).
const WRAP: usize = 30;
/// The same for a name, set in bold (wider letters).
const WRAP_BOLD: usize = 27;

/// A box placed on the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// Index into [`Chart::nodes`].
    pub node: usize,
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Height (width is the same for every box).
    pub height: f64,
}

/// The computed layout.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// Every box.
    pub boxes: Vec<Placed>,
    /// Band headings with their baseline.
    pub titles: Vec<(String, f64)>,
    /// Total width and height.
    pub width: f64,
    /// Total height.
    pub height: f64,
}

/// The lines of text in a group's box: the name (bold), then the details.
fn box_lines(node: &Node) -> (Vec<String>, Vec<String>) {
    let name = wrap(&node.name, WRAP_BOLD);
    let mut details = Vec::new();
    if let Some(chair) = &node.chair {
        details.extend(wrap(&format!("Chair: {chair}"), WRAP));
    }
    if let Some(meets) = &node.meets {
        details.extend(wrap(meets, WRAP));
    }
    if let Some(scope) = &node.scope {
        details.extend(wrap(scope, WRAP));
    }
    (name, details)
}

fn box_height(node: &Node) -> f64 {
    let (name, details) = box_lines(node);
    PAD * 2.0
        + LINE * (name.len() + details.len()) as f64
        + if details.is_empty() { 0.0 } else { 4.0 }
}

/// Wraps text at word boundaries to lines of at most `width` characters (a longer word gets a
/// line of its own and is broken).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word: &str = word;
        loop {
            let fits = line.chars().count() + usize::from(!line.is_empty()) + word.chars().count()
                <= width;
            if fits {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
                break;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                continue;
            }
            // A word longer than a line: break it.
            let cut = word
                .char_indices()
                .nth(width)
                .map_or(word.len(), |(i, _)| i);
            lines.push(word[..cut].to_owned());
            word = &word[cut..];
            if word.is_empty() {
                break;
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The number of leaves under a node: the slots its subtree takes side by side.
fn leaves(chart: &Chart, node: usize) -> usize {
    let children = &chart.nodes[node].children;
    if children.is_empty() {
        1
    } else {
        children.iter().map(|&c| leaves(chart, c)).sum()
    }
}

/// Lays one tree out: slots (x in boxes) and layers (depth). Leaves take the next slot in
/// depth-first order; a parent is centred over its first and last child.
fn place_tree(
    chart: &Chart,
    node: usize,
    depth: usize,
    next: &mut f64,
    out: &mut Vec<(usize, f64, usize)>,
) -> f64 {
    let children = &chart.nodes[node].children;
    let slot = if children.is_empty() {
        let s = *next;
        *next += 1.0;
        s
    } else {
        let slots: Vec<f64> = children
            .iter()
            .map(|&c| place_tree(chart, c, depth + 1, next, out))
            .collect();
        (slots[0] + slots[slots.len() - 1]) / 2.0
    };
    out.push((node, slot, depth));
    slot
}

/// Computes the layout of the whole chart.
pub fn layout(chart: &Chart) -> Layout {
    let mut result = Layout::default();
    let mut y = 0.0_f64;
    let mut widest_slots = 1usize;
    for (band, title) in &chart.band_titles {
        let roots: Vec<usize> = chart
            .roots
            .iter()
            .copied()
            .filter(|&r| chart.nodes[r].band == *band)
            .collect();
        if roots.is_empty() {
            continue;
        }
        y += BAND_TITLE;
        result.titles.push((title.clone(), y - 12.0));
        // Pack whole trees into rows of at most MAX_SLOTS slots (a wider tree gets a row).
        let mut rows: Vec<Vec<usize>> = Vec::new();
        let mut used = 0;
        for r in roots {
            let w = leaves(chart, r);
            if rows.is_empty() || used + w > MAX_SLOTS {
                rows.push(Vec::new());
                used = 0;
            }
            rows.last_mut().expect("a row").push(r);
            used += w;
        }
        for row in rows {
            let mut placed = Vec::new();
            let mut next = 0.0;
            for r in &row {
                place_tree(chart, *r, 0, &mut next, &mut placed);
            }
            widest_slots = widest_slots.max(next as usize);
            let depth = placed.iter().map(|p| p.2).max().unwrap_or(0);
            let mut layer_top = y;
            for layer in 0..=depth {
                let in_layer: Vec<&(usize, f64, usize)> =
                    placed.iter().filter(|p| p.2 == layer).collect();
                let height = in_layer
                    .iter()
                    .map(|p| box_height(&chart.nodes[p.0]))
                    .fold(0.0, f64::max);
                for (node, slot, _) in in_layer {
                    result.boxes.push(Placed {
                        node: *node,
                        x: slot * (BOX_WIDTH + GAP_X),
                        y: layer_top,
                        height,
                    });
                }
                layer_top += height + GAP_Y;
            }
            y = layer_top - GAP_Y + GAP_Y / 2.0;
        }
    }
    result.width = widest_slots as f64 * (BOX_WIDTH + GAP_X) - GAP_X + 2.0;
    result.height = y + 2.0;
    // Keep boxes in document order so the SVG reads in the same order as the list.
    result.boxes.sort_by_key(|b| b.node);
    result
}

/// Draws the chart as SVG. `title` and `desc` are the accessible name and description;
/// `id_prefix` keeps the element ids unique in the page. Every value is escaped; the SVG uses
/// presentation attributes only (no style, no script), so it is the same inline and as a file.
pub fn svg(chart: &Chart, title: &str, desc: &str, id_prefix: &str) -> String {
    let l = layout(chart);
    let at: HashMap<usize, &Placed> = l.boxes.iter().map(|b| (b.node, b)).collect();
    let mut s = String::new();
    let (w, h) = (l.width.ceil(), l.height.ceil());
    s.push_str(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"-1 -1 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-labelledby=\"{id_prefix}-title {id_prefix}-desc\" font-family=\"Arial, Helvetica, sans-serif\" font-size=\"14\">\n"
    ));
    s.push_str(&format!(
        "<title id=\"{id_prefix}-title\">{}</title>\n<desc id=\"{id_prefix}-desc\">{}</desc>\n",
        xml(title),
        xml(desc)
    ));
    for (text, baseline) in &l.titles {
        s.push_str(&format!(
            "<text x=\"0\" y=\"{baseline}\" font-size=\"15\" font-weight=\"bold\" fill=\"#1d1d1d\">{}</text>\n",
            xml(text)
        ));
    }
    // Reporting lines first, so boxes sit on top of them.
    for (i, node) in chart.nodes.iter().enumerate() {
        let Some(parent) = at.get(&i) else { continue };
        for c in &node.children {
            let Some(child) = at.get(c) else { continue };
            let (px, py) = (parent.x + BOX_WIDTH / 2.0, parent.y + parent.height);
            let (cx, cy) = (child.x + BOX_WIDTH / 2.0, child.y);
            let mid = (py + cy) / 2.0;
            s.push_str(&format!(
                "<path d=\"M{cx} {cy} V{mid} H{px} V{py}\" fill=\"none\" stroke=\"#505a5f\" stroke-width=\"1.5\"/>\n"
            ));
        }
    }
    for b in &l.boxes {
        let node = &chart.nodes[b.node];
        let dash = match node.band {
            Band::Own => "",
            Band::PanArea => " stroke-dasharray=\"8 4\"",
            Band::Other(_) => " stroke-dasharray=\"2 3\"",
        };
        s.push_str(&format!(
            "<g><rect x=\"{}\" y=\"{}\" width=\"{BOX_WIDTH}\" height=\"{}\" rx=\"4\" fill=\"#ffffff\" stroke=\"#0b0c0c\" stroke-width=\"1.5\"{dash}/>\n",
            b.x, b.y, b.height
        ));
        let (name, details) = box_lines(node);
        let mut baseline = b.y + PAD + 14.0;
        for line in &name {
            s.push_str(&format!(
                "<text x=\"{}\" y=\"{baseline}\" font-weight=\"bold\" fill=\"#0b0c0c\">{}</text>\n",
                b.x + PAD,
                xml(line)
            ));
            baseline += LINE;
        }
        baseline += 4.0;
        for line in &details {
            s.push_str(&format!(
                "<text x=\"{}\" y=\"{baseline}\" fill=\"#1d1d1d\">{}</text>\n",
                b.x + PAD,
                xml(line)
            ));
            baseline += LINE;
        }
        s.push_str("</g>\n");
    }
    s.push_str("</svg>\n");
    s
}

/// One item of the nested list: a group and those that report to it.
#[derive(Debug, Clone, Serialize)]
pub struct ListItem {
    /// The group.
    #[serde(flatten)]
    pub node: Node,
    /// The groups that report to it.
    pub children: Vec<ListItem>,
}

/// One band of the nested list.
#[derive(Debug, Clone, Serialize)]
pub struct ListBand {
    /// The band's heading.
    pub title: String,
    /// Its top-level groups.
    pub items: Vec<ListItem>,
}

/// The chart as nested lists, one per band, in the order drawn.
pub fn nested_list(chart: &Chart) -> Vec<ListBand> {
    fn item(chart: &Chart, i: usize) -> ListItem {
        ListItem {
            node: chart.nodes[i].clone(),
            children: chart.nodes[i]
                .children
                .iter()
                .map(|&c| item(chart, c))
                .collect(),
        }
    }
    chart
        .band_titles
        .iter()
        .filter_map(|(band, title)| {
            let items: Vec<ListItem> = chart
                .roots
                .iter()
                .filter(|&&r| chart.nodes[r].band == *band)
                .map(|&r| item(chart, r))
                .collect();
            (!items.is_empty()).then(|| ListBand {
                title: title.clone(),
                items,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(id: &str, reports_to: Option<&str>, band: Band) -> GroupInput {
        GroupInput {
            id: id.into(),
            reports_to: reports_to.map(Into::into),
            node: Node {
                name: format!("Group {id}"),
                chair: None,
                meets: None,
                scope: None,
                vice_chair: None,
                purpose: None,
                members: Vec::new(),
                children: Vec::new(),
                band,
            },
        }
    }

    fn titles() -> Vec<(Band, String)> {
        vec![
            (Band::Own, "Own".into()),
            (Band::PanArea, "Pan-area".into()),
            (Band::Other(0), "Other".into()),
        ]
    }

    #[test]
    fn parents_are_centred_over_their_children_a_layer_above() {
        let chart = Chart::build(
            vec![
                group("board", None, Band::Own),
                group("a", Some("board"), Band::Own),
                group("b", Some("board"), Band::Own),
                group("c", Some("board"), Band::Own),
            ],
            titles(),
        );
        let l = layout(&chart);
        let board = &l.boxes[0];
        let (a, c) = (&l.boxes[1], &l.boxes[3]);
        assert_eq!(board.x, (a.x + c.x) / 2.0);
        assert!(a.y > board.y + board.height);
        assert_eq!(a.y, c.y);
        // No two boxes overlap.
        for (i, p) in l.boxes.iter().enumerate() {
            for q in &l.boxes[i + 1..] {
                let apart = (p.x - q.x).abs() >= BOX_WIDTH
                    || p.y + p.height <= q.y
                    || q.y + q.height <= p.y;
                assert!(apart, "{p:?} overlaps {q:?}");
            }
        }
    }

    #[test]
    fn unconnected_groups_wrap_in_rows_and_bands_follow_each_other() {
        let mut groups: Vec<GroupInput> = (0..9)
            .map(|i| group(&format!("g{i}"), None, Band::Own))
            .collect();
        groups.push(group("shared", None, Band::PanArea));
        let chart = Chart::build(groups, titles());
        let l = layout(&chart);
        let rows: std::collections::BTreeSet<u64> = l.boxes.iter().map(|b| b.y as u64).collect();
        assert_eq!(
            rows.len(),
            4,
            "9 own groups in rows of 4, then the pan-area band"
        );
        assert!(l.width <= MAX_SLOTS as f64 * (BOX_WIDTH + GAP_X));
        assert_eq!(l.titles.len(), 2);
        let shared = l.boxes.iter().find(|b| b.node == 9).unwrap();
        assert!(l.boxes.iter().all(|b| b.node == 9 || b.y < shared.y));
    }

    #[test]
    fn a_circle_of_reporting_lines_is_broken_and_said() {
        let chart = Chart::build(
            vec![
                group("a", Some("b"), Band::Own),
                group("b", Some("a"), Band::Own),
                group("self", Some("self"), Band::Own),
                group("lost", Some("missing"), Band::Own),
            ],
            titles(),
        );
        assert_eq!(chart.circular.len(), 2);
        assert_eq!(chart.roots.len(), 3);
        let l = layout(&chart);
        assert_eq!(l.boxes.len(), 4);
    }

    #[test]
    fn wraps_at_word_boundaries_and_breaks_long_words() {
        assert_eq!(
            wrap(
                "Pan Bedfordshire Strategic Leaders of Children's Services Board",
                27
            ),
            [
                "Pan Bedfordshire Strategic",
                "Leaders of Children's",
                "Services Board"
            ]
        );
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert!(wrap("   ", 10).is_empty());
    }

    #[test]
    fn text_in_the_svg_is_escaped() {
        let mut g = group("x", None, Band::Own);
        g.node.name = "</svg><script>alert(1)</script>".into();
        g.node.chair = Some("\" onload=\"alert(1)".into());
        let chart = Chart::build(vec![g], titles());
        let out = svg(&chart, "<title>", "a & b", "chart");
        assert!(!out.contains("<script"));
        assert!(!out.contains("</svg><"));
        assert!(!out.contains("\" onload"));
        assert!(out.contains("&lt;/svg&gt;&lt;script&gt;"));
        assert!(out.contains("<title id=\"chart-title\">&lt;title&gt;</title>"));
        assert_eq!(out.matches("</svg>").count(), 1);
    }
}
