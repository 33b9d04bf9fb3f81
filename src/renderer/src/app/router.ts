import { useEffect, useState } from 'react';

/** The current route: the part of the URL after `#`, e.g. `/settings/users`. */
export function currentPath(): string {
  const h = window.location.hash.replace(/^#/, '');
  return h.startsWith('/') ? h : '/';
}

/** Navigates to a route. */
export function navigate(path: string): void {
  window.location.hash = path;
}

/** The current route, updated on navigation. */
export function usePath(): string {
  const [path, setPath] = useState(currentPath);
  useEffect(() => {
    const onChange = () => {
      // Another screen opens at its top, not at the previous screen's scroll (a link at the foot of a
      // document opened the next one half-way down, its title out of sight).
      window.scrollTo(0, 0);
      setPath(currentPath());
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return path;
}
