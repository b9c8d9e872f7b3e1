META
key;value
budget;1000
vote_type;approval
PROJECTS
project_id;cost;name
1;100;"Bankjes; twee"
2;200.5;None
VOTES
voter_id;vote
v1;1,2
v2;
