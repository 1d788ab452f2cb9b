//! The report as an Excel workbook (rust_xlsxwriter): one row per goal in tree order, the
//! header row frozen and filterable, numbers as numbers, and each status cell coloured with
//! its symbol and label as text (so it reads in black and white too).

use super::{area_title, marker, texts, tree_order, value_heading};
use crate::eval::Evaluation;
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook, XlsxError};

/// Background and font colour of a status cell, by status colour.
pub fn status_colours(color: &str) -> (u32, u32) {
    match color {
        "green" => (0x1B7D3A, 0xFFFFFF),
        "yellow" => (0xF5CD2F, 0x000000),
        "red" => (0xC0392B, 0xFFFFFF),
        "grey" => (0xD5D8DD, 0x000000),
        _ => (0xFFFFFF, 0x5B616A),
    }
}

pub fn render(ev: &Evaluation) -> Result<Vec<u8>, String> {
    build(ev).map_err(|e| format!("cannot write the XLSX report: {e}"))
}

fn build(ev: &Evaluation) -> Result<Vec<u8>, XlsxError> {
    let t = texts(ev.language);
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(t.sheet)?;
    let header = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xE4E6EA))
        .set_border(FormatBorder::Thin)
        .set_text_wrap();
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let top = Format::new().set_align(FormatAlign::Top);
    let number = Format::new()
        .set_align(FormatAlign::Top)
        .set_num_format("0.##");
    let aw = crate::eval::activities::words(ev.language);
    let columns: [(&str, f64); 21] = [
        (&area_title(ev), 26.0),
        (t.chain, 30.0),
        (t.goal_id, 18.0),
        (t.goal, 48.0),
        (t.level, 16.0),
        (t.owner, 22.0),
        (t.indicator, 30.0),
        (value_heading(ev), 10.0),
        (t.target, 10.0),
        (t.benchmark, 12.0),
        (t.status, 16.0),
        (t.wording, 34.0),
        (t.explanation, 60.0),
        (t.motivation, 50.0),
        (t.kind_heading, 14.0),
        (t.target_group, 30.0),
        (t.values, 24.0),
        (t.analysis, 50.0),
        (aw.start, 12.0),
        (aw.deadline, 12.0),
        (aw.budget, 12.0),
    ];
    // Column titles are owned strings for the area; copy them out first.
    let titles: Vec<String> = columns.iter().map(|(c, _)| c.to_string()).collect();
    for (c, (title, (_, width))) in titles.iter().zip(columns.iter()).enumerate() {
        let c = c as u16;
        sheet.write_string_with_format(0, c, title, &header)?;
        sheet.set_column_width(c, *width)?;
    }
    let titles_by_id: std::collections::HashMap<&str, &str> = ev
        .goals
        .iter()
        .map(|g| (g.id.as_str(), g.title.as_str()))
        .collect();
    // One format per status colour (rust_xlsxwriter deduplicates formats by hashing them on
    // every write; building them once keeps 100 000 rows fast).
    let status_format = |color: &str| {
        let (bg, fg) = status_colours(color);
        Format::new()
            .set_bold()
            .set_align(FormatAlign::Top)
            .set_background_color(Color::RGB(bg))
            .set_font_color(Color::RGB(fg))
            .set_border(FormatBorder::Thin)
    };
    let status_formats: Vec<(&str, Format)> = ["green", "yellow", "red", "grey", "none"]
        .into_iter()
        .map(|c| (c, status_format(c)))
        .collect();
    let indicator_titles: std::collections::HashMap<&str, &str> = ev
        .indicators
        .iter()
        .map(|i| (i.id.as_str(), i.title.as_str()))
        .collect();
    let order = tree_order(ev);
    let activities = super::activities_by_goal(ev);
    let whole = Format::new()
        .set_align(FormatAlign::Top)
        .set_num_format("#,##0");
    let mut row = 0u32;
    for (g, _) in order.iter() {
        let goal = &ev.goals[*g];
        row += 1;
        let area = goal
            .area
            .as_deref()
            .and_then(|a| titles_by_id.get(a))
            .copied()
            .unwrap_or_default();
        sheet.write_string_with_format(row, 0, area, &wrap)?;
        sheet.write_string_with_format(row, 1, goal.path.join(" › "), &wrap)?;
        sheet.write_string_with_format(row, 2, &goal.id, &top)?;
        sheet.write_string_with_format(row, 3, super::goal_title(goal), &wrap)?;
        sheet.write_string_with_format(row, 4, &goal.level_title, &wrap)?;
        sheet.write_string_with_format(row, 5, super::owners(goal).unwrap_or_default(), &wrap)?;
        sheet.write_string_with_format(
            row,
            6,
            goal.indicator
                .as_deref()
                .and_then(|i| indicator_titles.get(i))
                .copied()
                .unwrap_or_default(),
            &wrap,
        )?;
        for (c, v) in [(7u16, goal.value), (8, goal.target), (9, goal.benchmark)] {
            match v {
                Some(v) => sheet.write_number_with_format(row, c, v, &number)?,
                None => sheet.write_blank(row, c, &top)?,
            };
        }
        let (color, symbol, label) = marker(ev, goal);
        let status = status_formats
            .iter()
            .find(|(c, _)| *c == color)
            .map_or(&status_formats[4].1, |(_, f)| f);
        sheet.write_string_with_format(row, 10, format!("{symbol} {label}"), status)?;
        sheet.write_string_with_format(
            row,
            11,
            goal.wording.as_deref().unwrap_or_default(),
            &wrap,
        )?;
        sheet.write_string_with_format(row, 12, &goal.explanation, &wrap)?;
        sheet.write_string_with_format(
            row,
            13,
            goal.motivation.as_deref().unwrap_or_default(),
            &wrap,
        )?;
        let kind = super::goal_kind(ev, goal).unwrap_or_default();
        sheet.write_string_with_format(row, 14, kind, &top)?;
        let group = goal.target_group.as_deref().unwrap_or_default();
        sheet.write_string_with_format(row, 15, group, &wrap)?;
        sheet.write_string_with_format(row, 16, goal.values.join(", "), &wrap)?;
        let analysis = goal.analysis.as_deref().unwrap_or_default();
        sheet.write_string_with_format(row, 17, analysis, &wrap)?;
        // The goal's activities, each on a row of its own under it.
        for a in activities.get(goal.id.as_str()).into_iter().flatten() {
            row += 1;
            sheet.write_string_with_format(row, 0, area, &wrap)?;
            let path = format!("{} › {}", goal.path.join(" › "), a.id);
            sheet.write_string_with_format(row, 1, path, &wrap)?;
            sheet.write_string_with_format(row, 2, &a.id, &top)?;
            sheet.write_string_with_format(row, 3, &a.title, &wrap)?;
            sheet.write_string_with_format(row, 4, t.kinds[2], &wrap)?;
            let owners = super::activity_owners(a).unwrap_or_default();
            sheet.write_string_with_format(row, 5, owners, &wrap)?;
            let (_, symbol) = super::progress_marker(a);
            let progress = format!("{symbol} {}", a.progress_label);
            sheet.write_string_with_format(row, 10, progress, &status_formats[4].1)?;
            let details = crate::eval::activities::details(ev.language, a).join(" · ");
            sheet.write_string_with_format(row, 12, details, &wrap)?;
            let comment = a.comment.as_deref().unwrap_or_default();
            sheet.write_string_with_format(row, 17, comment, &wrap)?;
            for (c, date) in [(18u16, &a.start), (19, &a.deadline)] {
                let date = date.as_deref().unwrap_or_default();
                sheet.write_string_with_format(row, c, date, &top)?;
            }
            match a.budget {
                Some(b) => sheet.write_number_with_format(row, 20, b as f64, &whole)?,
                None => sheet.write_blank(row, 20, &top)?,
            };
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, row, 20)?;
    sheet.set_landscape();
    sheet.set_repeat_rows(0, 0)?;
    workbook.save_to_buffer()
}
