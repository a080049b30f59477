/**
 * The timelines of the sidebar: the events in view binned when they happened and when they were reported,
 * one lane above the other over the same axis, with the lag to the first report. A bar keeps only that
 * year (or month) in its lane, shift-click extends the range; the events without a date in the lane are
 * counted and listed apart, since the range hides them. Changes the filter store only.
 */
import './timeline.css';
import type { DossierApp } from '../app';
import { setDateRange, type DateRange } from '../filters/filters';
import { button, clear, el } from '../ui/dom';
import { DATE_LANES, LANE_WORDS, laneDates, laneHistogram, median, reportLagDays, type DateLane } from './time-lanes';
import { redrawOnViewChange } from '../ui/redraw-on-view-change';

const UNDATED_LISTED = 100;

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function rangeWords(range: DateRange): string {
  return range.from === range.to ? range.from : `${range.from} to ${range.to}`;
}

function lagWords(days: number): string {
  if (days === 0) return 'the same day';
  const abs = Math.abs(days);
  const amount =
    abs >= 730 ? `${Math.round(abs / 365)} years` : abs >= 60 ? `${Math.round(abs / 30)} months` : plural(abs, 'day');
  return `${amount} ${days > 0 ? 'after' : 'before'}`;
}

export function createTimelinePanel(app: DossierApp): HTMLElement {
  const element = el('section', { className: 'timelines', attrs: { 'aria-label': 'Timelines' } });
  let undatedOpen: boolean | null = null; // the analyst's choice; until then open while a range hides them

  function pick(lane: DateLane, key: string, extend: boolean): void {
    const { dateRange: current, dateLane } = app.filters.get();
    if (extend && current && dateLane === lane) {
      const from = key < current.from ? key : current.from;
      const to = key > current.to ? key : current.to;
      app.filters.update(setDateRange({ from, to }, lane));
    } else if (current && dateLane === lane && current.from === key && current.to === key) {
      app.filters.update(setDateRange(null));
    } else app.filters.update(setDateRange({ from: key, to: key }, lane));
  }

  function render(): void {
    const filters = app.filters.get();
    const { outBeforeDates, time } = app.filtered();
    const hidden = new Set(app.view.get().hidden);
    const events = app.graph
      .filterNodes((id, a) => a.data.type === 'Event' && !outBeforeDates.has(id) && !hidden.has(id))
      .map((id) => app.graph.getNodeAttribute(id, 'data'));
    const lane = filters.dateLane;
    const range = filters.dateRange;
    clear(element);

    const laneSwitch = el('div', {
      className: 'lane-switch',
      attrs: { role: 'group', 'aria-label': 'Filter the dates of' },
    });
    for (const each of DATE_LANES) {
      const b = button(LANE_WORDS[each], () => app.filters.update((f) => ({ ...f, dateLane: each })), {
        title: each === 'happened' ? 'When the events happened, from the text' : 'When the documents reported them',
        attrs: { 'aria-pressed': String(each === lane) },
      });
      laneSwitch.append(b);
    }
    element.append(laneSwitch);

    const histogram = laneHistogram(events);
    if (!histogram.keys.length) {
      element.append(el('p', { className: 'hint small', text: 'No dated event in view.' }));
    } else {
      const max = Math.max(1, ...histogram.counts.happened, ...histogram.counts.reported);
      for (const each of DATE_LANES) {
        const bars = el('div', {
          className: 'timeline-bars',
          attrs: { role: 'group', 'aria-label': `Events ${each} per ${histogram.unit}` },
        });
        histogram.keys.forEach((key, i) => {
          const count = histogram.counts[each][i];
          const inRange =
            !range || each !== lane || (key >= range.from.slice(0, key.length) && key <= range.to.slice(0, key.length));
          const verb = each === 'happened' ? 'happened' : 'reported';
          const bar = el('button', {
            className: `timeline-bar${inRange ? '' : ' out'}`,
            title: `${key}: ${plural(count, 'event')} ${verb} (click to keep only this ${histogram.unit}, shift-click to extend)`,
            attrs: { type: 'button', 'aria-label': `${key}: ${plural(count, 'event')} ${verb}` },
            dataset: { key, lane: each },
          });
          bar.style.setProperty('--h', `${Math.max(count ? 8 : 2, (count / max) * 100)}%`);
          bar.addEventListener('click', (event) => pick(each, key, event.shiftKey));
          bars.append(bar);
        });
        element.append(
          el('div', { className: `lane${each === lane ? ' active' : ''}`, dataset: { lane: each } }, [
            el('span', { className: 'lane-name', text: LANE_WORDS[each] }),
            bars,
          ]),
        );
      }
      element.append(
        el('div', { className: 'timeline-axis' }, [
          el('span', { text: histogram.keys[0] }),
          el('span', { text: histogram.keys[histogram.keys.length - 1] }),
        ]),
      );
    }

    const lags = events.map(reportLagDays).filter((d): d is number => d !== null);
    const typical = median(lags);
    if (typical !== null) {
      const announced = lags.filter((d) => d < 0).length;
      element.append(
        el('p', {
          className: 'lag small',
          text:
            `First report: typically ${lagWords(typical)} it happened (median of ${plural(lags.length, 'event')})` +
            (announced ? `; ${announced} announced before.` : '.'),
        }),
      );
    }

    const undated = events.filter((e) => laneDates(e, lane).length === 0);
    const dated = events.length - undated.length;
    const status = el('p', { className: 'timeline-status hint small' });
    if (range && time) {
      status.append(
        `${LANE_WORDS[lane]} ${rangeWords(range)}: ${time.eventsKept.length} of ${plural(events.length, 'event')} shown` +
          `, ${time.eventsOutside.length} outside, ${time.undatedEvents.length} without a date (hidden, listed below). `,
        button('Show all dates', () => app.filters.update(setDateRange(null)), { className: 'link' }),
      );
    } else if (events.length) {
      status.append(
        `${plural(dated, 'event')} dated, ${undated.length} without a date ${lane === 'happened' ? 'of their own' : 'of report'}. Click a bar to filter.`,
      );
    }
    element.append(status);

    if (undated.length) {
      const list = el('ul', { className: 'undated-list' });
      for (const event of undated.sort((a, b) => a.name.localeCompare(b.name)).slice(0, UNDATED_LISTED)) {
        list.append(
          el('li', {}, [
            button(event.name, () => app.select({ kind: 'node', id: event.id }), {
              className: 'link',
              title: 'Show what the documents say about it',
            }),
          ]),
        );
      }
      if (undated.length > UNDATED_LISTED)
        list.append(el('li', { className: 'hint small', text: `and ${undated.length - UNDATED_LISTED} more` }));
      const details = el('details', { className: 'undated' }, [
        el('summary', { text: `Undated (${lane}): ${plural(undated.length, 'event')}` }),
        list,
      ]);
      details.open = undatedOpen ?? !!range;
      details.addEventListener('toggle', () => (undatedOpen = details.open));
      element.append(details);
    }
  }

  redrawOnViewChange(app, render);
  render();
  return element;
}
