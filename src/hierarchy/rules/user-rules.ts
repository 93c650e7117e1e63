import { msg, type Message } from '../../common/errors';

/** Logins are lower-case ASCII, 3–64 characters, so they can be typed anywhere and compared exactly. */
export function checkLogin(login: string): Message | null {
  return /^[a-z0-9][a-z0-9._-]{2,63}$/.test(login)
    ? null
    : msg(
        '登录名须为3–64位小写字母、数字、点、横线或下划线',
        'A login has 3–64 lower-case letters, digits, dots, dashes or underscores',
      );
}

/** Passwords: at least 8 characters with a letter and a digit, and not the login itself. */
export function checkPassword(password: string, login: string): Message | null {
  if (password.length < 8 || password.length > 128 || !/[A-Za-z]/.test(password) || !/\d/.test(password)) {
    return msg(
      '密码须为8–128位，且同时包含字母和数字',
      'A password has 8–128 characters with at least one letter and one digit',
    );
  }
  if (login.length > 0 && password.toLowerCase().includes(login.toLowerCase())) {
    return msg('密码不能包含登录名', 'The password must not contain the login');
  }
  return null;
}
