package dk.kk.itassessment.cases;

import dk.kk.itassessment.access.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/cases", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Cases", description = "Every stored assessment opens a case: its checklist is worked item by item until "
        + "the acquisition is decided, and the outcome reaches the portfolio. Every change (items, decision, comments, "
        + "assignee, withdraw, reassess) honours If-Match (the ETag of GET …/{number}) when sent: 412 when it is "
        + "stale, and nothing changes; each answers the new version as its ETag. If-Match is required (428 without) "
        + "where CONTRACT.md requires it: items and the decision.")
class CaseController {

    private final CaseService service;
    private final CaseFile caseFile;

    CaseController(CaseService service, CaseFile caseFile) {
        this.service = service;
        this.caseFile = caseFile;
    }

    @GetMapping
    @Operation(summary = "The reviewers' queue, or the caller's own cases", description = "Filters `status`, `phase`, "
            + "`responsible` (open cases waiting for it: an item of that responsible OPEN or RETURNED), `assignee`, `institution`, `overdue` "
            + "(true|false), `assessment` (an assessment's id); `page` from 0, `size` 1–100 (default 20). Open cases "
            + "by due date, oldest first (none last), then the rest newest first. Requesters, staff and intake "
            + "clients see only their own.")
    CaseService.Page list(@RequestParam Map<String, String> query, Authentication caller) {
        return service.list(query, Caller.of(caller));
    }

    @GetMapping("/statistics")
    @Operation(summary = "Counts for the office", description = "Cases by status and by route, how many are "
            + "overdue, and the median days from opening to decision by route.")
    Cases.Statistics statistics() {
        return service.statistics();
    }

    @GetMapping("/{number}")
    @Operation(summary = "A case", description = "With `ETag: \"<version>\"`. 404 when unknown or not the caller's "
            + "to read; a requester never sees an internal comment.")
    ResponseEntity<CaseView> get(@PathVariable String number, Authentication caller) {
        return tagged(service.get(number, Caller.of(caller)));
    }

    @PutMapping(path = "/{number}/items/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Work an item", description = "`{\"state\": \"OPEN|DONE|NOT_APPLICABLE|RETURNED\", "
            + "\"note\": \"…\"}` with `If-Match`. A note is required for NOT_APPLICABLE of a mandatory item and for "
            + "RETURNED (reviewers only: the case is RETURNED until the requester has answered). 409 when the case "
            + "is no longer OPEN or RETURNED, 403 for a caller who may not act for the item's responsible.")
    ResponseEntity<CaseView> item(@PathVariable String number, @PathVariable String code,
                                  @RequestBody(required = false) byte[] body,
                                  @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                  Authentication caller) {
        return tagged(service.changeItem(number, code, body, ifMatch, Caller.of(caller)));
    }

    @PostMapping(path = "/{number}/comments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Comment on a case", description = "`{\"text\": \"…\", \"internal\": false}`; an internal "
            + "comment is seen only by reviewers, policy officers and admins. Answers 201 with the case.")
    ResponseEntity<CaseView> comment(@PathVariable String number, @RequestBody(required = false) byte[] body,
                                     @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                     Authentication caller) {
        CaseView view = service.comment(number, body, ifMatch, Caller.of(caller));
        return ResponseEntity.status(201).eTag(etag(view)).body(view);
    }

    @PutMapping(path = "/{number}/assignee", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Assign a case", description = "`{\"username\": \"…\"}`, or null to unassign.")
    ResponseEntity<CaseView> assignee(@PathVariable String number, @RequestBody(required = false) byte[] body,
                                      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                      Authentication caller) {
        return tagged(service.assign(number, body, ifMatch, Caller.of(caller)));
    }

    @PostMapping(path = "/{number}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Decide a case", description = "`{\"decision\": \"GRANTED|REFUSED\", "
            + "\"permissionValidUntil\": \"YYYY-MM-DD\" | null, \"note\": \"…\"}` with `If-Match` (a note is required "
            + "to refuse). 409 for a route that grants nothing, while the case waits for the requester, and for "
            + "GRANTED while a mandatory item is neither DONE nor NOT_APPLICABLE (named).")
    ResponseEntity<CaseView> decision(@PathVariable String number, @RequestBody(required = false) byte[] body,
                                      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                      Authentication caller) {
        return tagged(service.decide(number, body, ifMatch, Caller.of(caller)));
    }

    @PostMapping(path = "/{number}/withdraw")
    @Operation(summary = "Withdraw a case", description = "`{\"note\": \"…\"}` (optional) by the requester or a "
            + "reviewer; a PENDING portfolio entry the case created is removed.")
    ResponseEntity<CaseView> withdraw(@PathVariable String number, @RequestBody(required = false) byte[] body,
                                      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                      Authentication caller) {
        return tagged(service.withdraw(number, body, ifMatch, Caller.of(caller)));
    }

    @PostMapping(path = "/{number}/reassess")
    @Operation(summary = "Take the decision of the active rule-set version", description = "New items are added "
            + "OPEN, items no longer asked for become NOT_APPLICABLE with a note naming the version, DONE stays DONE.")
    ResponseEntity<CaseView> reassess(@PathVariable String number,
                                      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                      Authentication caller) {
        return tagged(service.reassess(number, ifMatch, Caller.of(caller)));
    }

    @GetMapping("/{number}/history")
    @Operation(summary = "Every change of a case, oldest first", description = "`[{at, actor, event, details}]`; "
            + "a requester does not see the entries of internal comments.")
    List<CaseService.HistoryEntry> history(@PathVariable String number, Authentication caller) {
        return service.history(number, Caller.of(caller));
    }

    @GetMapping(path = "/{number}/case-file.pdf",
            produces = {MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @Operation(summary = "The printable case file (A4 PDF)", description = "The request, the decision and its "
            + "explanation, the checklist with states, notes and who did what, the outcome and the history.")
    ResponseEntity<byte[]> caseFile(@PathVariable String number, Authentication caller) {
        byte[] pdf = caseFile.render(service.caseFile(number, Caller.of(caller)));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + number + ".pdf\"")
                .body(pdf);
    }

    private static ResponseEntity<CaseView> tagged(CaseView view) {
        return ResponseEntity.ok().eTag(etag(view)).body(view);
    }

    private static String etag(CaseView view) {
        return "\"" + view.version() + "\"";
    }
}
