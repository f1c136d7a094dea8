// Attention cues on "Your work": new urgent work counts in the window's title ("(2) Your work – RCRP Handover") until the
// person is back on the page (a key, a click, or the tab shown again); and, only if they switched them on here, a sound
// and a browser notification. The choices are kept in this browser, per user (localStorage, "rcrp.attention.<user>").
// Urgent: a row marked data-urgent="true", or, for a row that does not say, a task whose clock has at most
// data-urgent-within (ms, on the queues) left when it arrives: triage, an immediate attendance, a partner's acknowledgement.
const settings = document.getElementById('attention-settings');
const queues = document.getElementById('queues');

if (settings && queues) {
  const user = settings.dataset.user || '';
  const key = `rcrp.attention.${user}`;
  const sound = document.getElementById('attention-sound');
  const notify = document.getElementById('attention-notify');
  const note = document.getElementById('attention-note');
  const baseTitle = document.title;
  const urgentWithin = Number(queues.dataset.urgentWithin || 30 * 60 * 1000);
  const serverTime = Number(document.querySelector('meta[name="rcrp-server-time"]')?.content);
  const skew = Number.isFinite(serverTime) && serverTime > 0 ? serverTime - Date.now() : 0;

  const load = () => {
    try {
      return { sound: false, notify: false, ...JSON.parse(window.localStorage.getItem(key) || '{}') };
    } catch (unreadable) {
      return { sound: false, notify: false };
    }
  };
  const save = (choices) => {
    try {
      window.localStorage.setItem(key, JSON.stringify(choices));
    } catch (unavailable) {
      // private browsing: the choice lasts as long as the page
    }
  };
  let choices = load();
  sound.checked = choices.sound === true;
  notify.checked = choices.notify === true && 'Notification' in window && Notification.permission === 'granted';
  settings.hidden = false;

  let audio = null;
  const beep = () => {
    try {
      audio = audio || new AudioContext();
      const now = audio.currentTime;
      for (const [offset, pitch] of [[0, 880], [0.25, 660]]) {
        const tone = audio.createOscillator();
        const volume = audio.createGain();
        tone.frequency.value = pitch;
        volume.gain.setValueAtTime(0.2, now + offset);
        volume.gain.exponentialRampToValueAtTime(0.001, now + offset + 0.2);
        tone.connect(volume).connect(audio.destination);
        tone.start(now + offset);
        tone.stop(now + offset + 0.2);
      }
    } catch (noAudio) {
      // no sound on this browser
    }
  };

  sound.addEventListener('change', () => {
    choices = { ...choices, sound: sound.checked };
    save(choices);
    if (sound.checked) {
      beep(); // what it will sound like; also lets the browser play it later
    }
  });
  notify.addEventListener('change', async () => {
    note.textContent = '';
    if (notify.checked) {
      if (!('Notification' in window)) {
        notify.checked = false;
        note.textContent = 'This browser cannot show notifications.';
      } else if ((await Notification.requestPermission()) !== 'granted') {
        notify.checked = false;
        note.textContent = 'Your browser blocks notifications from this site. Allow them in its settings to use this.';
      }
    }
    choices = { ...choices, notify: notify.checked };
    save(choices);
  });

  const idsOf = () => new Set([...queues.querySelectorAll('[data-task-id]')].map((row) => row.dataset.taskId));
  const urgent = (row) => {
    if (row.dataset.urgent !== undefined) {
      return row.dataset.urgent === 'true';
    }
    const due = Number(row.querySelector('[data-due]')?.dataset.due);
    return Number.isFinite(due) && due > 0 && due - (Date.now() + skew) <= urgentWithin;
  };

  let known = idsOf();
  let unseen = 0;
  const show = () => {
    document.title = unseen > 0 ? `(${unseen}) ${baseTitle}` : baseTitle;
  };
  const seen = () => {
    if (unseen > 0) {
      unseen = 0;
      show();
    }
  };

  new MutationObserver(() => {
    const now = idsOf();
    const arrived = [...queues.querySelectorAll('[data-task-id]')]
      .filter((row) => !known.has(row.dataset.taskId) && urgent(row));
    const count = new Set(arrived.map((row) => row.dataset.taskId)).size;
    known = new Set([...known, ...now]);
    if (count === 0) {
      return;
    }
    unseen += count;
    show();
    if (choices.sound) {
      beep();
    }
    if (choices.notify && 'Notification' in window && Notification.permission === 'granted') {
      new Notification(`${count} new urgent task${count === 1 ? '' : 's'}`, { body: 'RCRP Handover: your work', tag: 'rcrp-urgent' });
    }
  }).observe(queues, { childList: true, subtree: true });

  document.addEventListener('pointerdown', seen);
  document.addEventListener('keydown', seen);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') {
      seen();
    }
  });
}
