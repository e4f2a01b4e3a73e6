/**
 * Who calls: accounts with roles, API keys, single sign-on (bearer JWTs), log-in throttling and lockout, and the web
 * security that asks for them.
 */
package dk.kk.itassessment.access;
