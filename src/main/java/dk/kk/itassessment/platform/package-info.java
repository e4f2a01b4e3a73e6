/**
 * What every module shares: problem details (RFC 9457) and field errors, request body limits, JSON bodies, text
 * checks, paging, the clock and the embedded PostgreSQL. Open: every module uses it, and it uses none.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package dk.kk.itassessment.platform;

import org.springframework.modulith.ApplicationModule;
