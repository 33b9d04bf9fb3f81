/** The demo office's password for every person: shown on the set-up screen, in README and in the demo CLI. */
export const DEMO_PASSWORD = 'Stol-Lampa-2026';
