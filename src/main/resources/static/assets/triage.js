// Triage: the recommendation and the whole plan follow the answers as they change, beside the questions. The server
// evaluates them (POST /work/{task}/triage/preview: the same table and planner as "Check recommendation") and signs
// what it showed; Confirm carries that signature, so a decision is only taken on a recommendation the page showed.
// Without JavaScript the "Check recommendation" button does the same in a round trip.
const form = document.getElementById('triage-form');
const panel = document.getElementById('recommendation-panel');
const shown = document.getElementById('shownRecommendation');

if (form && panel && shown && form.dataset.previewUrl) {
  let asked = 0;
  let timer;

  const refresh = async () => {
    const ask = ++asked;
    const body = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (name !== 'action' && typeof value === 'string') {
        body.append(name, value);
      }
    }
    try {
      const response = await fetch(form.dataset.previewUrl, {
        method: 'POST', body, credentials: 'same-origin',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' },
      });
      if (!response.ok || response.redirected || ask !== asked) {
        return;
      }
      const holder = document.createElement('div');
      holder.innerHTML = await response.text();
      // Only the recommendation itself: never a sign-in or error page put in its place.
      if (ask !== asked || !holder.querySelector('#recommendation, #no-recommendation')) {
        return;
      }
      panel.replaceChildren(...holder.childNodes);
      const recommendation = panel.querySelector('[data-signature]');
      shown.value = recommendation ? recommendation.dataset.signature : '';
      panel.dataset.shownFor = String(ask);
    } catch (failed) {
      // The page still works: Confirm on answers whose recommendation was not shown brings the page back with it.
    }
  };

  form.addEventListener('change', (event) => {
    if (event.target.matches('input[type="radio"], select')) {
      // What was shown no longer matches the answers until the server says what they recommend.
      shown.value = '';
      clearTimeout(timer);
      timer = setTimeout(refresh, 150);
    }
  });
}
