// A task page's banner: to the second, from the server's clock, a warning once the task's clock is within
// data-warn-before of running out and red once it has; each said once to screen readers (role="alert"). The server draws
// the same state, so the page says it without JavaScript too (as of when it was drawn).
const banner = document.getElementById('task-banner');
const alert = document.getElementById('clock-alert');

if (banner) {
  const serverTime = Number(document.querySelector('meta[name="rcrp-server-time"]')?.content);
  const skew = Number.isFinite(serverTime) && serverTime > 0 ? serverTime - Date.now() : 0;
  const warnBefore = Number(banner.dataset.warnBefore || 0);
  const warnWords = () => {
    const seconds = Math.round(warnBefore / 1000);
    return seconds >= 60 && seconds % 60 === 0
      ? `${seconds / 60} minute${seconds === 60 ? '' : 's'}` : `${seconds} seconds`;
  };
  let said = null;

  const check = () => {
    const due = Number(document.getElementById('task-clock')?.dataset.due);
    if (!Number.isFinite(due) || due <= 0) {
      return;
    }
    const left = due - (Date.now() + skew);
    const state = left < 0 ? 'overdue' : left <= warnBefore ? 'warning' : 'running';
    banner.classList.toggle('rcrp-task-banner--overdue', state === 'overdue');
    banner.classList.toggle('rcrp-task-banner--warning', state === 'warning');
    const words = state === 'overdue' ? "This task's clock has run out."
      : state === 'warning' ? `This task's clock runs out in under ${warnWords()}.` : '';
    const warning = document.getElementById('clock-warning');
    const text = document.getElementById('clock-warning-text');
    if (warning && text) {
      warning.hidden = words === '';
      if (text.textContent !== words) {
        text.textContent = words;
      }
    }
    if (state !== said) {
      if (said !== null || state !== 'running') {
        if (alert && words) {
          alert.textContent = words;
        }
      }
      said = state;
    }
  };

  check();
  setInterval(check, 1000);
}
