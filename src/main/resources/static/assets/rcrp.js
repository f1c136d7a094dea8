// Progressive enhancement for every page: GOV.UK components, clocks that count down by themselves,
// and queues that refresh themselves. Without JavaScript the pages work and show the clocks as served.
import { initAll } from '../webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();

// Details that matter for one answer only (AWOL details for an AWOL call) show when it is chosen.
// GOV.UK's own conditional reveal marks the radio aria-expanded, which radios may not carry (axe: critical).
for (const details of document.querySelectorAll('[data-shown-when]')) {
  const trigger = document.getElementById(details.dataset.shownWhen);
  if (!trigger) {
    continue;
  }
  const sync = () => { details.hidden = !trigger.checked; };
  for (const input of document.querySelectorAll(`input[name="${trigger.name}"]`)) {
    input.addEventListener('change', sync);
  }
  sync();
}

// The server's clock, not the workstation's, decides what is overdue.
const serverTime = Number(document.querySelector('meta[name="rcrp-server-time"]')?.content);
const skew = Number.isFinite(serverTime) && serverTime > 0 ? serverTime - Date.now() : 0;
const SOON = 5 * 60 * 1000;

function describe(left) {
  const seconds = Math.floor(Math.abs(left) / 1000);
  const minutes = Math.floor(seconds / 60);
  let text;
  if (minutes >= 120) {
    text = `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  } else if (minutes >= 10) {
    text = `${minutes} min`;
  } else if (minutes >= 1) {
    text = `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
  } else {
    text = `${seconds} s`;
  }
  return left < 0 ? `overdue by ${text}` : `in ${text}`;
}

function tick() {
  const now = Date.now() + skew;
  for (const clock of document.querySelectorAll('[data-due]')) {
    const left = Number(clock.dataset.due) - now;
    clock.textContent = describe(left);
    clock.classList.toggle('rcrp-overdue', left < 0);
    clock.classList.toggle('rcrp-soon', left >= 0 && left < SOON);
  }
}

tick();
setInterval(tick, 1000);

// A region with data-refresh-url is fetched again every few seconds and replaced when it changed,
// unless the user is working inside it (focus is never pulled away). A failed refresh says so.
for (const region of document.querySelectorAll('[data-refresh-url]')) {
  const note = document.getElementById(region.dataset.refreshNote);
  const status = document.getElementById(region.dataset.refreshStatus);
  const every = Number(region.dataset.refreshEvery || 5000);
  let last = null;
  const refresh = async () => {
    if (region.contains(document.activeElement) && document.activeElement !== document.body) {
      return;
    }
    try {
      const response = await fetch(region.dataset.refreshUrl, {
        headers: { Accept: 'text/html', 'X-Requested-With': 'fetch' }, credentials: 'same-origin', cache: 'no-store' });
      if (response.redirected || response.status === 401) {
        // Signed out: let the page take the user to sign in, unless it holds a form, which is kept when sent (KeptForms).
        if (!document.querySelector('input[name="_keptFor"]')) {
          window.location.reload();
        }
        throw new Error('signed out');
      }
      if (!response.ok) {
        throw new Error(`HTTP ${response.status}`);
      }
      const html = await response.text();
      if (last !== null && html !== last) {
        region.innerHTML = html;
        tick();
        if (status) {
          status.textContent = region.dataset.refreshChanged || 'Updated.';
        }
      }
      last = html;
      if (note) {
        note.textContent = `Updates itself. Last checked ${new Date(Date.now() + skew).toLocaleTimeString('en-GB')}.`;
        note.classList.remove('rcrp-refresh-note--stale');
      }
    } catch (failure) {
      if (note) {
        note.textContent = 'Could not update: what you see may be out of date. Retrying…';
        note.classList.add('rcrp-refresh-note--stale');
      }
    }
  };
  refresh();
  setInterval(refresh, every);
}

// A printed page says when it was printed, by the server's clock: the page may have been open for a while.
window.addEventListener('beforeprint', () => {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric',
    hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZoneName: 'short' });
  const part = Object.fromEntries(format.formatToParts(new Date(Date.now() + skew)).map(({ type, value }) => [type, value]));
  // As the server writes it: "Mon 7 Dec 2026, 14:02:05 GMT".
  const now = `${part.weekday} ${part.day} ${part.month} ${part.year}, ${part.hour}:${part.minute}:${part.second} ${part.timeZoneName}`;
  for (const at of document.querySelectorAll('[data-print-time]')) {
    at.textContent = now;
  }
});
