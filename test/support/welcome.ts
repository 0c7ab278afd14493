/**
 * Where the extension welcomes a new user: the options page it opens in a tab
 * on a first install. Written out here, not taken from the code under test;
 * both browsers' harnesses wait for that tab at launch.
 */
export const WELCOME_PAGE = 'options.html?welcome=1';
