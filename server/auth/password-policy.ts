/**
 * What a new password must be: 12 to 256 characters, not one of the passwords attackers try first, not the
 * email or its name part, not one character repeated. (Length beats composition rules: NIST SP 800-63B.)
 */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

// The longest entries of the common-password lists (rockyou, the CSDN leak, SecLists top 10k) that pass the length
// rule; shorter ones are refused by length already. Compared lower-cased.
const common = new Set([
  '123456789012',
  '1234567890123',
  '12345678901234',
  '123456123456',
  '123123123123',
  '111111111111',
  '000000000000',
  '123456654321',
  '1234567890qwerty',
  'qwertyuiopasdfghjkl',
  'qwertyuiop123',
  'qwerty123456',
  '1qaz2wsx3edc',
  '1qaz2wsx3edc4rfv',
  '1q2w3e4r5t6y',
  '1q2w3e4r5t6y7u8i',
  'zaq12wsxcde3',
  'password1234',
  'password123456',
  'passw0rd1234',
  'p@ssw0rd1234',
  'iloveyou1234',
  'abcdefghijkl',
  'abc123456789',
  'a12345678910',
  'aa1234567890',
  'woaini131420',
  'woaini1314520',
  'woaini5201314',
  '5201314520131',
  '520131452013',
  '147258369147',
  '123qweasdzxc',
  'qweasdzxc123',
  'asdfghjkl123',
  'administrator',
  'admin1234567',
  'admin123456789',
  'welcome12345',
  'letmein12345',
  'changeme1234',
  'retrofit-demo-2026',
]);

export type PasswordProblem = 'passwordTooShort' | 'passwordTooLong' | 'passwordCommon' | 'passwordLikeEmail';

export function passwordProblem(password: string, email: string): PasswordProblem | null {
  if ([...password].length < PASSWORD_MIN) return 'passwordTooShort';
  if ([...password].length > PASSWORD_MAX) return 'passwordTooLong';
  const p = password.toLowerCase();
  if (common.has(p) || new Set(p).size <= 2) return 'passwordCommon';
  const e = email.trim().toLowerCase();
  const name = e.split('@')[0] ?? '';
  if (p === e || (name.length >= 4 && p.includes(name))) return 'passwordLikeEmail';
  return null;
}
