package dk.kk.itassessment.policy.facts;

/** The route the route table's first matching row chose, with its estimated processing days (null: unknown). */
public final class RouteChoice extends Conclusion {

    private final String route;
    private Integer days;

    public RouteChoice(String route, String rule) {
        super(rule);
        this.route = route;
    }

    public String getRoute() { return route; }
    public Integer getDays() { return days; }
    public void setDays(Integer days) { this.days = days; }
}
