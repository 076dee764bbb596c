import { escapeHtml } from '../html';
import { renderPage } from './layout';

/** The sign-in form; it posts to `/user/login`, which sets the session cookie. */
export function signInPage(next: string, failed: boolean): string {
  const error = failed
    ? '<p class="error" role="alert">The email or password is not right.</p>'
    : '';
  return renderPage({
    title: 'Sign in',
    body: `      <section class="card narrow">
        <h1>Sign in</h1>
        ${error}
        <form method="post" action="/user/login" class="stack">
          <input type="hidden" name="next" value="${escapeHtml(next)}">
          <label>Email <input type="email" name="email" autocomplete="username" required autofocus></label>
          <label>Password <input type="password" name="password" autocomplete="current-password" required></label>
          <button type="submit" class="primary">Sign in</button>
        </form>
      </section>`,
  });
}
