import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import '@mantine/dates/styles.css';
import { Badge, createTheme, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LiveQueries } from './api/live-queries';
import { App } from './app/app';
import { RussianDates } from './app/date-fields';

const theme = createTheme({
  primaryColor: 'indigo',
  fontFamily: 'Inter, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'sm',
  components: {
    // A badge says a whole word («Выставлен», «+14 дн.»): it never shrinks into an ellipsis, the cell grows instead.
    Badge: Badge.extend({ styles: { root: { flexShrink: 0, overflow: 'visible' }, label: { overflow: 'visible', textOverflow: 'clip' } } }),
  },
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme}>
        <Notifications position="bottom-right" />
        <RussianDates>
          <LiveQueries>
            <App />
          </LiveQueries>
        </RussianDates>
      </MantineProvider>
    </StrictMode>,
  );
}
