// A supervisor's review: only the fields the chosen decision needs are shown (agency to reroute, whereabouts to close,
// a risk assessment to withdraw). Without JavaScript every field shows, each saying when it applies.
const NEEDED_FOR = { agency: 'REROUTE', whereabouts: 'CLOSE', riskAssessment: 'WITHDRAW' };

const decision = document.getElementById('action');
if (decision) {
  const radios = decision.querySelectorAll('input[name="action"]');
  const sync = () => {
    const chosen = [...radios].find((radio) => radio.checked)?.value;
    for (const [field, action] of Object.entries(NEEDED_FOR)) {
      const group = document.getElementById(field)?.closest('.govuk-form-group');
      if (group) {
        group.hidden = chosen !== action && !group.classList.contains('govuk-form-group--error');
      }
    }
  };
  for (const radio of radios) {
    radio.addEventListener('change', sync);
  }
  sync();
}
