// The session timeout warning (GOV.UK pattern): a modal dialog some minutes before a signed-in session ends for want of
// anything the person did, with "Stay signed in" (which tells the server, so the session gets its full time again) and
// "Sign out". The page's own refreshes do not keep a session (SessionIdleLimit), so the warning is true.
// Without JavaScript there is no warning, and a form sent after the end is kept to send again after signing in.
const leftMeta = document.querySelector('meta[name="rcrp-session-left"]');
const warnMeta = document.querySelector('meta[name="rcrp-session-warn"]');
const csrf = document.querySelector('meta[name="rcrp-csrf"]');

if (leftMeta && warnMeta && typeof HTMLDialogElement === 'function') {
  const warnFor = Number(warnMeta.content) * 1000;
  let endsAt = Date.now() + Number(leftMeta.content) * 1000;
  let ended = false;
  let announcedMinutes = null;
  let closedAfterEnd = false;

  const element = (tag, attributes = {}, text = '') => {
    const made = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      made.setAttribute(name, value);
    }
    if (text) {
      made.textContent = text;
    }
    return made;
  };

  const dialog = element('dialog', { id: 'session-warning', class: 'rcrp-session-dialog',
    'aria-labelledby': 'session-warning-heading', 'aria-describedby': 'session-warning-text' });
  const heading = element('h2', { id: 'session-warning-heading', class: 'govuk-heading-m', tabindex: '-1' },
    'You are about to be signed out');
  const text = element('p', { id: 'session-warning-text', class: 'govuk-body' });
  const countdown = element('span', { id: 'session-warning-time', class: 'govuk-!-font-weight-bold', 'aria-hidden': 'true' });
  const spoken = element('span', { class: 'govuk-visually-hidden', id: 'session-warning-spoken' });
  const live = element('p', { class: 'govuk-visually-hidden', role: 'status', 'aria-live': 'polite', id: 'session-warning-live' });
  const kept = element('p', { class: 'govuk-body', id: 'session-warning-kept' },
    'Nothing you have typed is lost if you are signed out: send the form, sign in again, then check it and send it.');
  const buttons = element('div', { class: 'govuk-button-group' });
  const stay = element('button', { type: 'button', class: 'govuk-button', id: 'stay-signed-in' },
    'Stay signed in');
  const signOut = element('form', { method: 'post',
    action: document.querySelector('form[action$="/logout"]')?.getAttribute('action') || '/logout' });
  if (csrf) {
    signOut.append(element('input', { type: 'hidden', name: csrf.dataset.parameter || '_csrf', value: csrf.content }));
  }
  signOut.append(element('button', { type: 'submit', class: 'govuk-button govuk-button--secondary', id: 'session-sign-out' }, 'Sign out'));
  buttons.append(stay, signOut);
  dialog.append(heading, text, live, kept, buttons);
  document.body.append(dialog);

  const inWords = (seconds) => {
    const minutes = Math.floor(seconds / 60);
    const rest = seconds % 60;
    const parts = [];
    if (minutes > 0) {
      parts.push(`${minutes} minute${minutes === 1 ? '' : 's'}`);
    }
    if (rest > 0 || minutes === 0) {
      parts.push(`${rest} second${rest === 1 ? '' : 's'}`);
    }
    return parts.join(' ');
  };

  const showEnded = () => {
    ended = true;
    heading.textContent = 'You have been signed out';
    text.textContent = 'You did nothing on this page for a while, so you were signed out to protect the information on it.';
    stay.textContent = 'Close';
    signOut.hidden = true;
    live.textContent = 'You have been signed out.';
  };

  const update = () => {
    const left = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
    if (left <= 0 && !ended) {
      showEnded();
    }
    if (ended) {
      return;
    }
    text.replaceChildren('To protect the information on this page you will be signed out in ', countdown, spoken,
      '. Select "Stay signed in" to keep working.');
    countdown.textContent = inWords(left);
    spoken.textContent = inWords(left);
    // Said once when the warning opens, then once a minute, not every second.
    const minutes = Math.ceil(left / 60);
    if (announcedMinutes !== minutes) {
      announcedMinutes = minutes;
      live.textContent = `You will be signed out in ${inWords(left > 60 ? minutes * 60 : left)}.`;
    }
  };

  const open = () => {
    if (!dialog.open) {
      announcedMinutes = null;
      update();
      dialog.showModal();
      heading.focus();
    }
  };

  stay.addEventListener('click', async () => {
    if (ended) {
      closedAfterEnd = true; // what is typed here stays on the page: sending it keeps it for after signing in
      dialog.close();
      return;
    }
    try {
      const body = new URLSearchParams();
      if (csrf) {
        body.set(csrf.dataset.parameter || '_csrf', csrf.content);
      }
      const base = document.querySelector('form[action$="/logout"]')?.getAttribute('action')?.replace(/\/logout$/, '') || '';
      const response = await fetch(`${base}/session/keep-alive`, { method: 'POST', body, credentials: 'same-origin',
        headers: { Accept: 'application/json' }, cache: 'no-store', redirect: 'manual' });
      if (!response.ok) {
        throw new Error(`HTTP ${response.status}`);
      }
      const answer = await response.json();
      endsAt = Date.now() + Number(answer.secondsLeft) * 1000;
      dialog.close();
    } catch (failure) {
      showEnded();
    }
  });
  // Escape is "Stay signed in" (as in HMRC's timeout dialog): the dialog never closes leaving the clock running unseen.
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    stay.click();
  });

  setInterval(() => {
    const left = endsAt - Date.now();
    if (left <= warnFor && !closedAfterEnd) {
      open();
    }
    if (dialog.open) {
      update();
    }
  }, 1000);
}
